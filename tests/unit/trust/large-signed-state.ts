// A fresh device behind its trust channel, and a signed state large enough to be checked in the
// checking worker: what the relay's and the WebRTC room's worker checks are both tested with.
import { expect } from 'vitest'
import * as Y from 'yjs'
import { artifactBody, createArtifact, readArtifactSummaries } from '../../../src/crdt/artifacts'
import { makeDeviceKeys, publicOf } from '../../../src/sync/trust/device-keys'
import { watchMembership } from '../../../src/sync/trust/membership-from-doc'
import { CHECK_STATE_OFF_THREAD_FROM_BYTES } from '../../../src/sync/trust/state-off-thread'
import { makeTrustChannel } from '../../../src/sync/trust/trust-channel'
import type { TrustSetup } from '../../../src/sync/trust/trust-setup'
import { actor, trustWorkspace, type Device } from './trust-workspace'

export type Workspace = Awaited<ReturnType<typeof trustWorkspace>>

export const titles = (doc: Y.Doc) => readArtifactSummaries(doc).map((a) => a.title)

/** A device of the workspace holding nothing yet, as one that has just joined, behind its trust channel. */
export const freshDevice = async (workspace: Workspace) => {
  const keys = await makeDeviceKeys()
  const doc = new Y.Doc()
  const membership = watchMembership(doc, workspace.workspaceId, workspace.anchor)
  await membership.settled()
  const setup: TrustSetup = { keys, device: await publicOf(keys), membership }
  const channel = makeTrustChannel({ ...setup, doc, workspaceId: workspace.workspaceId, apply: (u, origin) => Y.applyUpdate(doc, u, origin) })
  return { doc, channel, setup }
}

export const signerOf = async (workspace: Workspace, device: Device) => {
  const membership = watchMembership(device.doc, workspace.workspaceId, workspace.anchor)
  await membership.settled()
  return makeTrustChannel({ doc: device.doc, workspaceId: workspace.workspaceId, keys: device.keys, device: device.pub, membership, apply: () => {} })
}

/** A lab big enough to be checked off the page: a long note, and the members' entries. */
const bigState = (device: Device, title: string): Uint8Array => {
  const id = createArtifact(device.doc, { kind: 'note', title }, actor, 1)
  artifactBody(device.doc, id)!.insert(0, [new Y.XmlText('The depot floods every winter. '.repeat(12_000))])
  const state = Y.encodeStateAsUpdate(device.doc)
  expect(state.length).toBeGreaterThan(CHECK_STATE_OFF_THREAD_FROM_BYTES)
  return state
}

/** A state over the worker's threshold made on the device of `role`, signed by it. */
export const signedBigState = async (workspace: Workspace, role: 'editor' | 'viewer', title: string) => {
  const device = workspace.devices[role]!
  const state = bigState(device, title)
  return { state, signed: await (await signerOf(workspace, device)).signState(state) }
}
