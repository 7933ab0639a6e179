// A large signed state from the relay is checked in the checking worker (trust/state-check.ts):
// signature, clock ranges, membership entries and where it lands, from one decode. The page
// then only settles and applies. Node has no Web Worker: a stand-in (in-process-worker.ts) runs
// the worker's check in this process.
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { relayTrustOf, type ReceivedState, type StateCheckOffThread } from '../../../src/sync/relay/relay-trust'
import { makeRelayUpdateCheck } from '../../../src/sync/relay/relay-update-check'
import { checkStateOffThread } from '../../../src/sync/untrusted-update'
import { clockRangesOf } from '../../../src/sync/update-clock-ranges'
import { withChangedByte } from './changed-byte'
import { standInWorker, useNoWorker, useStandInWorker } from './in-process-worker'
import { freshDevice, signedBigState, titles, type Workspace } from './large-signed-state'
import { trustWorkspace } from './trust-workspace'

const RELAY_ORIGIN = 'relay-origin'

afterEach(useNoWorker)

const onThePage = makeRelayUpdateCheck(null)

/** A fresh device with the relay's side of its trust: checking large states where `offThread` says. */
const relayDevice = async (workspace: Workspace) => {
  const device = await freshDevice(workspace)
  return { ...device, relayTrust: (offThread: StateCheckOffThread | null) => relayTrustOf(device.channel, device.setup, workspace.workspaceId, offThread) }
}

/** The same signed state to two fresh devices: one checks it on the page, the other in the stand-in worker. */
const bothWays = async (workspace: Workspace, signed: Uint8Array) => {
  const page = await relayDevice(workspace)
  const worker = await relayDevice(workspace)
  const byPage = await page.relayTrust(null).receive(signed, RELAY_ORIGIN, onThePage)
  useStandInWorker()
  const byWorker = await worker.relayTrust(checkStateOffThread).receive(signed, RELAY_ORIGIN, onThePage)
  return { page, worker, byPage, byWorker }
}

const verdict = (received: ReceivedState | null) => (received ? { ...received.outcome, ranges: received.ranges } : null)

describe('a large signed state checked in the worker', () => {
  it('is applied for an editor’s state, as the page would decide, with the same clock ranges', async () => {
    const workspace = await trustWorkspace()
    const { state, signed } = await signedBigState(workspace, 'editor', 'Depot interviews')
    const { page, worker, byPage, byWorker } = await bothWays(workspace, signed)
    expect(standInWorker.requests).toBe(1)
    expect(verdict(byWorker)).toEqual(verdict(byPage))
    expect(byWorker?.outcome).toEqual({ verdict: 'accept' })
    expect(byWorker?.ranges).toEqual(clockRangesOf(state))
    expect(titles(worker.doc)).toEqual(['Depot interviews'])
    expect(Y.encodeStateVector(worker.doc)).toEqual(Y.encodeStateVector(page.doc))
  })

  it('is refused whole, as on the page, when a viewer’s state holds content', async () => {
    const workspace = await trustWorkspace()
    const { signed } = await signedBigState(workspace, 'viewer', 'By the viewer')
    const { worker, byPage, byWorker } = await bothWays(workspace, signed)
    expect(byWorker?.outcome.verdict).toBe('refuse')
    expect(verdict(byWorker)).toEqual(verdict(byPage))
    expect(titles(worker.doc)).toEqual([])
  })

  it('is refused for a bad signature when one byte of the note was changed on the way, and nothing of it is applied', async () => {
    const workspace = await trustWorkspace()
    const { signed } = await signedBigState(workspace, 'editor', 'Depot interviews')
    const forged = withChangedByte(signed, signed.length - 2_000)
    const { worker, byPage, byWorker } = await bothWays(workspace, forged)
    expect(byWorker?.outcome).toEqual({ verdict: 'refuse', reason: 'bad-signature' })
    expect(verdict(byWorker)).toEqual(verdict(byPage))
    expect(titles(worker.doc)).toEqual([])
  })

  it('applies nothing when the worker’s reply is not a check, or the state does not decode', async () => {
    const workspace = await trustWorkspace()
    const { signed } = await signedBigState(workspace, 'editor', 'Depot interviews')
    useStandInWorker()
    standInWorker.reply = 'garbage'
    const garbled = await relayDevice(workspace)
    expect(await garbled.relayTrust(checkStateOffThread).receive(signed, RELAY_ORIGIN, onThePage)).toBeNull()
    expect(titles(garbled.doc)).toEqual([])
    standInWorker.reply = 'as-the-worker'
    // Cut short inside its Yjs bytes: the layout says so before anything is decoded.
    const cut = await relayDevice(workspace)
    expect(await cut.relayTrust(checkStateOffThread).receive(signed.subarray(0, signed.length - 100_000), RELAY_ORIGIN, onThePage)).toBeNull()
    expect(titles(cut.doc)).toEqual([])
  })
})
