// A device that has just joined receives the whole lab as one large signed state from a peer,
// checked in the checking worker before it is applied. Its periodic ask for what it lacks
// (resync-peers.ts) carries its state vector: asked while that state is still being checked,
// the peer would answer with the whole lab again. The ask waits for the state, and never for good.
import { afterEach, describe, expect, it } from 'vitest'
import type { WebrtcProvider } from 'y-webrtc'
import type * as Y from 'yjs'
import { makeResyncHold, MAX_RESYNC_HOLD_MS } from '../../../src/sync/resync-hold'
import { resyncPeers } from '../../../src/sync/resync-peers'
import { encodeTrustMessage } from '../../../src/sync/trust-room-message'
import type { StateCheckOffThread } from '../../../src/sync/trust/state-off-thread'
import { checkStateOffThread } from '../../../src/sync/untrusted-update'
import { roomTrust } from '../../../src/sync/y-webrtc-trust'
import { answerAsYWebrtcDoes } from '../sync/answer-as-y-webrtc'
import { standInWorker, useNoWorker, useStandInWorker } from './in-process-worker'
import { freshDevice, signedBigState, titles } from './large-signed-state'
import { trustWorkspace } from './trust-workspace'

afterEach(useNoWorker)

const noReply = (): void => {}

/**
 * A lab held by its editor's device, a device that has just joined it, and the editor's whole
 * state signed for the joiner. `poll(due)` is the transport's poll (webrtc-transport.ts); the
 * bytes the editor sends back to each ask, answered as y-webrtc answers, are in `answers`.
 */
const joining = async () => {
  const workspace = await trustWorkspace()
  const { signed } = await signedBigState(workspace, 'editor', 'Depot interviews')
  const host: Y.Doc = workspace.devices.editor!.doc
  const joiner = await freshDevice(workspace)
  const answers: number[] = []
  const toHost = { connected: true, peer: { send: (ask: Uint8Array) => answers.push(answerAsYWebrtcDoes(host, ask)?.length ?? 0) } }
  const provider = { doc: joiner.doc, room: { webrtcConns: new Map([['host', toHost]]) } } as unknown as WebrtcProvider
  let clock = 0
  const hold = makeResyncHold(() => clock)
  const poll = (due: boolean): number => (hold.mayAsk(due) ? resyncPeers(provider) : 0)
  const pass = (ms: number): void => void (clock += ms)
  return { signed, joiner, hold, answers, poll, pass, state: encodeTrustMessage('trust-state', signed) }
}

describe('asking peers for what this device lacks while a whole lab is being checked', () => {
  it('waits for the state to be checked and applied, then asks at the next poll and gets a few bytes', async () => {
    const { joiner, hold, answers, poll, state, signed } = await joining()
    useStandInWorker()
    const receiving = roomTrust(joiner.channel, checkStateOffThread, hold).receive(state, noReply)
    // Due while the worker checks the state: asked now, the editor would send the whole lab again.
    expect(poll(true)).toBe(0)
    expect(answers).toEqual([])
    await receiving
    expect(standInWorker.requests).toBe(1)
    expect(titles(joiner.doc)).toEqual(['Depot interviews'])
    expect(poll(false)).toBe(1)
    expect(answers).toHaveLength(1)
    expect(answers[0]).toBeLessThan(signed.length / 100)
  })

  it('asks again once a state the worker could not read has been dropped', async () => {
    const { joiner, hold, answers, poll, state, signed } = await joining()
    useStandInWorker()
    standInWorker.reply = 'garbage'
    const receiving = roomTrust(joiner.channel, checkStateOffThread, hold).receive(state, noReply)
    expect(poll(true)).toBe(0)
    await receiving
    expect(titles(joiner.doc)).toEqual([])
    // Nothing was applied: the ask brings the whole lab, as it must.
    expect(poll(false)).toBe(1)
    expect(answers[0]).toBeGreaterThan(signed.length / 2)
  })

  it('asks again when the check never answers, once the hold has lapsed', async () => {
    const { joiner, hold, poll, pass, state } = await joining()
    const neverAnswers: StateCheckOffThread = () => new Promise(() => {})
    void roomTrust(joiner.channel, neverAnswers, hold).receive(state, noReply)
    expect(poll(true)).toBe(0)
    pass(MAX_RESYNC_HOLD_MS - 1)
    expect(poll(false)).toBe(0)
    pass(1)
    expect(poll(false)).toBe(1)
    // The lapsed hold is gone: the next due ask goes out at once.
    expect(poll(true)).toBe(1)
  })

  it('asks at last while peers keep sending large states, each released in time', async () => {
    const { hold, poll, pass } = await joining()
    let release = hold.hold()
    expect(poll(true)).toBe(0)
    for (let waited = 0; waited < MAX_RESYNC_HOLD_MS; waited += 10_000) {
      expect(poll(false)).toBe(0)
      const next = hold.hold()
      release()
      release = next
      pass(10_000)
    }
    expect(poll(false)).toBe(1)
  })
})
