import { describe, expect, it } from 'vitest'
import { checkRoomMessage } from '../../../src/sync/message-guard'
import { makeReassembler, splitMessage } from '../../../src/sync/peer-chunks'
import {
  CHECK_OFF_THREAD_ABOVE_BYTES,
  MAX_LIVE_MESSAGE_BYTES,
  MAX_STATE_MESSAGE_BYTES,
  overBudget
} from '../../../src/sync/peer-message-budget'
import { admitRoomMessage } from '../../../src/sync/room-message-admission'
import { hardenedPeer, settle, syncMessage } from './hardened-peer'

describe('what one peer message may carry', () => {
  it('a live update over its budget is refused before it is decoded; a whole state may be larger, up to its own', () => {
    expect(overBudget(syncMessage(2, 1_000))).toBeNull()
    const bigUpdate = syncMessage(2, MAX_LIVE_MESSAGE_BYTES + 1)
    expect(overBudget(bigUpdate)).toMatch(/over the 4 MB/)
    const joinState = syncMessage(1, MAX_LIVE_MESSAGE_BYTES + 1)
    expect(overBudget(joinState)).toBeNull()
    // The header says "state"; the size alone refuses it, whatever follows.
    const huge = new Uint8Array(MAX_STATE_MESSAGE_BYTES + 1)
    huge.set([0, 1])
    expect(overBudget(huge)).toMatch(/over the 32 MB/)
  })

  it('a peer cannot make this device put back together more than the largest message allowed', () => {
    const reassemble = makeReassembler()
    const frames = splitMessage(new Uint8Array(MAX_STATE_MESSAGE_BYTES + 1024), 1024 * 1024)
    const last = frames.map((frame) => reassemble(frame)).at(-1)
    // Kinds and lengths only: a failure must not print megabytes.
    expect(last?.kind).toBe('dropped')
    expect(last?.kind === 'dropped' && last.reason).toBe(`a message over ${MAX_STATE_MESSAGE_BYTES} bytes`)
  })

  it('checks a large message off the page when it can, a small one at once, and refuses what fails either way', async () => {
    const checked: number[] = []
    const offThread = async (message: Uint8Array) => {
      checked.push(message.length)
      const kind = checkRoomMessage(message)
      return kind ? { ok: true as const, kind } : { ok: false as const, problem: 'unreadable' as const }
    }
    const small = syncMessage(2, 1_000)
    const large = syncMessage(1, CHECK_OFF_THREAD_ABOVE_BYTES + 1)
    expect(await admitRoomMessage(small, offThread)).toEqual({ ok: true, kind: 'sync-update' })
    expect(await admitRoomMessage(large, offThread)).toEqual({ ok: true, kind: 'sync-step-2' })
    expect(checked).toEqual([large.length])
    const broken = large.slice(0, large.length - 1)
    expect(await admitRoomMessage(broken, offThread)).toEqual({ ok: false, reason: 'a malformed message' })
    const tooSlow = async () => ({ ok: false as const, problem: 'too-slow' as const })
    expect(await admitRoomMessage(large, tooSlow)).toEqual({ ok: false, reason: 'a message that took too long to check' })
  })

  it('a peer sending an update over the budget is refused through the existing reporting, and nothing reaches y-webrtc', async () => {
    const { receive, reachedYWebrtc, rejected, stop } = hardenedPeer()
    // Before, anything up to 96 MB that decoded went through (and was decoded twice on the page).
    receive(syncMessage(2, MAX_LIVE_MESSAGE_BYTES + 1))
    await settle()
    expect(reachedYWebrtc.length).toBe(0)
    expect(rejected.length).toBe(1)
    expect(rejected[0]?.source).toBe('peer')
    expect(rejected[0]?.reason).toMatch(/over the 4 MB one message may carry/)
    // A state as large as a six-month lab's, and an everyday edit, still arrive.
    const state = syncMessage(1, 4_500_000)
    // Compared with itself: another message of the same text has another random client id,
    // whose varint may be a byte shorter or longer.
    const edit = syncMessage(2, 100)
    receive(state)
    receive(edit)
    await settle()
    expect(reachedYWebrtc.map((m) => m.length)).toEqual([state.length, edit.length])
    expect(rejected.length).toBe(1)
    stop()
  })
})
