import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import { digestSummary } from '../../../src/sync/state-summary'
import { startWorkspaceSync, type WorkspaceSync } from '../../../src/sync/workspace-sync'

const user = { name: 'Ada', color: '#1d4ed8', organisation: 'Leeds City Council', memberId: 'a'.repeat(32) }
const alwaysOnline = { online: () => true, subscribe: () => () => {} }

let sync: WorkspaceSync | null = null
afterEach(async () => {
  vi.useRealTimers()
  await sync?.destroy()
  sync = null
})

/** The digest of everything in a document with no deletions, as the sync computes it. */
const digestOf = (doc: Y.Doc): string => digestSummary({ sv: Y.decodeStateVector(Y.encodeStateVector(doc)), deleted: 0 })

describe('the "seen" digest in presence', () => {
  it('is published rarely while edits keep coming, never unchanged, and once the document settles', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const doc = new Y.Doc()
    // No signalling server: presence stays on this device, which is all this test looks at.
    sync = startWorkspaceSync({
      doc,
      workspaceId: makeWorkspaceId(),
      secret: makeWorkspaceSecret(),
      signallingUrls: [],
      iceServers: [],
      user,
      deviceId: 'device-a',
      network: alwaysOnline
    })
    const { awareness } = sync
    const published: string[] = []
    awareness.on('change', ({ updated, added }: { updated: number[]; added: number[] }) => {
      if (![...updated, ...added].includes(doc.clientID)) return
      const seen = (awareness.getLocalState() as { seen?: string } | null)?.seen
      if (seen !== undefined && seen !== published.at(-1)) published.push(seen)
    })
    await vi.advanceTimersByTimeAsync(100)
    expect(published).toEqual([digestOf(doc)])

    // 30 s of a busy room: a change every 150 ms, never a quiet second.
    const text = doc.getText('t')
    for (let i = 0; i < 200; i++) {
      text.insert(0, 'x')
      await vi.advanceTimersByTimeAsync(150)
    }
    const whileBusy = published.length - 1
    // At least every 10 s, at most every 4 s (the old rule published every second).
    expect(whileBusy).toBeGreaterThanOrEqual(2)
    expect(whileBusy).toBeLessThanOrEqual(8)
    expect(new Set(published).size).toBe(published.length)

    // Quiet: the digest of the settled document goes out within a few seconds, then nothing more.
    await vi.advanceTimersByTimeAsync(5_000)
    expect(published.at(-1)).toBe(digestOf(doc))
    const settled = published.length
    await vi.advanceTimersByTimeAsync(30_000)
    expect(published.length).toBe(settled)
  })
})
