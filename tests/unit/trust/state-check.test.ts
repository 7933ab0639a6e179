// A large signed state from the relay is checked in the checking worker (trust/state-check.ts):
// signature, clock ranges, membership entries and where it lands, from one decode. The page
// then only settles and applies. Node has no Web Worker: a stand-in runs the worker's check in
// this process, passing everything through structured clones as postMessage does.
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { artifactBody, createArtifact, readArtifactSummaries } from '../../../src/crdt/artifacts'
import { WORKER_READY } from '../../../src/sync/check-worker-ready'
import { relayTrustOf, type ReceivedState, type StateCheckOffThread } from '../../../src/sync/relay/relay-trust'
import type { TrustSetup } from '../../../src/sync/trust/trust-setup'
import { DECODE_OFF_THREAD_FROM_BYTES, makeRelayUpdateCheck } from '../../../src/sync/relay/relay-update-check'
import { makeDeviceKeys, publicOf } from '../../../src/sync/trust/device-keys'
import { watchMembership } from '../../../src/sync/trust/membership-from-doc'
import { checkSignedState, isStateCheckRequest } from '../../../src/sync/trust/state-check'
import { makeTrustChannel } from '../../../src/sync/trust/trust-channel'
import { checkStateOffThread } from '../../../src/sync/untrusted-update'
import { clockRangesOf } from '../../../src/sync/update-clock-ranges'
import { withChangedByte } from './changed-byte'
import { actor, trustWorkspace, type Device } from './trust-workspace'

type Workspace = Awaited<ReturnType<typeof trustWorkspace>>
const titles = (doc: Y.Doc) => readArtifactSummaries(doc).map((a) => a.title)
const RELAY_ORIGIN = 'relay-origin'

/** How the stand-in worker answers: as the real one, or with a reply that is not a check at all. */
let reply: 'as-the-worker' | 'garbage' = 'as-the-worker'
/** Requests the stand-in received: proof the check ran there and not on the page. */
let requests = 0

class InProcessWorker {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  constructor() {
    queueMicrotask(() => this.onmessage?.(new MessageEvent('message', { data: { ready: WORKER_READY } })))
  }
  postMessage(data: { stateCheck?: unknown }): void {
    const request = structuredClone(data.stateCheck)
    requests++
    const answer = async (): Promise<unknown> => {
      if (reply === 'garbage') return { ok: true, state: { signature: 'good', ranges: 'all of them' } }
      if (!isStateCheckRequest(request)) return { ok: false, message: 'not a state check' }
      try {
        return { ok: true, state: await checkSignedState(request) }
      } catch (error) {
        return { ok: false, message: String(error) }
      }
    }
    void answer().then((data) => this.onmessage?.(new MessageEvent('message', { data: structuredClone(data) })))
  }
  terminate(): void {}
}

const realWorker = globalThis.Worker
afterEach(() => {
  globalThis.Worker = realWorker
  reply = 'as-the-worker'
  requests = 0
})

/** A device of the workspace holding nothing yet, as one that has just joined, behind its trust channel. */
const freshDevice = async (workspace: Workspace) => {
  const keys = await makeDeviceKeys()
  const doc = new Y.Doc()
  const membership = watchMembership(doc, workspace.workspaceId, workspace.anchor)
  await membership.settled()
  const setup: TrustSetup = { keys, device: await publicOf(keys), membership }
  const channel = makeTrustChannel({ ...setup, doc, workspaceId: workspace.workspaceId, apply: (u, origin) => Y.applyUpdate(doc, u, origin) })
  const relayTrust = (offThread: StateCheckOffThread | null) => relayTrustOf(channel, setup, workspace.workspaceId, offThread)
  return { doc, channel, relayTrust }
}

const signerOf = async (workspace: Workspace, device: Device) => {
  const membership = watchMembership(device.doc, workspace.workspaceId, workspace.anchor)
  await membership.settled()
  return makeTrustChannel({ doc: device.doc, workspaceId: workspace.workspaceId, keys: device.keys, device: device.pub, membership, apply: () => {} })
}

/** A lab big enough to be checked off the page: a long note, and the members' entries. */
const bigState = (device: Device, title: string): Uint8Array => {
  const id = createArtifact(device.doc, { kind: 'note', title }, actor, 1)
  artifactBody(device.doc, id)!.insert(0, [new Y.XmlText('The depot floods every winter. '.repeat(12_000))])
  const state = Y.encodeStateAsUpdate(device.doc)
  expect(state.length).toBeGreaterThan(DECODE_OFF_THREAD_FROM_BYTES)
  return state
}

const onThePage = makeRelayUpdateCheck(null)

/** A state over the worker's threshold made on the device of `role`, signed by it. */
const signedBigState = async (workspace: Workspace, role: 'editor' | 'viewer', title: string) => {
  const device = workspace.devices[role]!
  const state = bigState(device, title)
  return { state, signed: await (await signerOf(workspace, device)).signState(state) }
}

/** The same signed state to two fresh devices: one checks it on the page, the other in the stand-in worker. */
const bothWays = async (workspace: Workspace, signed: Uint8Array) => {
  const page = await freshDevice(workspace)
  const worker = await freshDevice(workspace)
  const byPage = await page.relayTrust(null).receive(signed, RELAY_ORIGIN, onThePage)
  globalThis.Worker = InProcessWorker as unknown as typeof Worker
  const byWorker = await worker.relayTrust(checkStateOffThread).receive(signed, RELAY_ORIGIN, onThePage)
  return { page, worker, byPage, byWorker }
}

const verdict = (received: ReceivedState | null) => (received ? { ...received.outcome, ranges: received.ranges } : null)

describe('a large signed state checked in the worker', () => {
  it('is applied for an editor’s state, as the page would decide, with the same clock ranges', async () => {
    const workspace = await trustWorkspace()
    const { state, signed } = await signedBigState(workspace, 'editor', 'Depot interviews')
    const { page, worker, byPage, byWorker } = await bothWays(workspace, signed)
    expect(requests).toBe(1)
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
    globalThis.Worker = InProcessWorker as unknown as typeof Worker
    reply = 'garbage'
    const garbled = await freshDevice(workspace)
    expect(await garbled.relayTrust(checkStateOffThread).receive(signed, RELAY_ORIGIN, onThePage)).toBeNull()
    expect(titles(garbled.doc)).toEqual([])
    reply = 'as-the-worker'
    // Cut short inside its Yjs bytes: the layout says so before anything is decoded.
    const cut = await freshDevice(workspace)
    expect(await cut.relayTrust(checkStateOffThread).receive(signed.subarray(0, signed.length - 100_000), RELAY_ORIGIN, onThePage)).toBeNull()
    expect(titles(cut.doc)).toEqual([])
  })
})
