// Presence between relay processes travels as NOTIFY notices of under 8000 bytes each.
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { MAX_PRESENCE_BYTES } from '../../../scripts/relay/frames.mjs'
import { PRESENCE_NOTICE_PARTS, makePresenceAssembler, presenceNotices } from '../../../scripts/relay/presence-notices.mjs'
import { MAX_NOTIFY_PAYLOAD_BYTES } from '../../../scripts/relay/store.mjs'

const room = 'ab'.repeat(32)
const origin = '0123456789abcdef.7'

describe('presence notices', () => {
  it('split the largest presence into notices NOTIFY takes, and put it back together in any order', () => {
    const sealed = randomBytes(MAX_PRESENCE_BYTES)
    const notices = presenceNotices(room, origin, 1, sealed)
    expect(notices.length).toBe(PRESENCE_NOTICE_PARTS)
    for (const notice of notices) expect(Buffer.byteLength(notice)).toBeLessThanOrEqual(MAX_NOTIFY_PAYLOAD_BYTES)
    const assembler = makePresenceAssembler()
    const shuffled = [...notices].reverse()
    const results = shuffled.map((notice) => assembler.accept(notice))
    expect(results.slice(0, -1)).toEqual(new Array(notices.length - 1).fill(null))
    expect(results.at(-1)).toEqual({ roomHex: room, origin, sealed })
    expect(assembler.waiting()).toBe(0)
  })

  it('send small presence as one notice, and none over the protocol’s limit', () => {
    const sealed = randomBytes(300)
    const [notice, ...rest] = presenceNotices(room, origin, 2, sealed)
    expect(rest).toEqual([])
    expect(makePresenceAssembler().accept(notice as string)).toEqual({ roomHex: room, origin, sealed })
    expect(presenceNotices(room, origin, 3, randomBytes(MAX_PRESENCE_BYTES + 1))).toEqual([])
  })

  it('ignore garbage, repeats and too many parts, and forget incomplete messages', () => {
    let now = 0
    const assembler = makePresenceAssembler({ now: () => now })
    expect(assembler.accept('not a notice')).toBeNull()
    expect(assembler.accept(`${room}:${origin}:1:0/${PRESENCE_NOTICE_PARTS + 1}:AAAA`)).toBeNull()
    expect(assembler.accept(`${room}:${origin}:1:2/2:AAAA`)).toBeNull()
    const [first] = presenceNotices(room, origin, 4, randomBytes(20_000))
    expect(assembler.accept(first as string)).toBeNull()
    expect(assembler.accept(first as string)).toBeNull()
    expect(assembler.waiting()).toBe(1)
    for (let i = 0; i < 300; i++) assembler.accept(`${room}:${origin}:${100 + i}:0/2:AAAA`)
    expect(assembler.waiting()).toBeLessThanOrEqual(256)
    now += 60_000
    assembler.accept(`${room}:${origin}:999:0/2:AAAA`)
    expect(assembler.waiting()).toBe(1)
  })
})
