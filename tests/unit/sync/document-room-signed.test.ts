import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeArtifactDoc } from '../../../src/crdt/artifact-doc'
import { makeArtifactId } from '../../../src/domain/ids'
import type { PeerLink } from '../../../src/sync/attachment-exchange'
import { encodeDocMessage, syncMessage } from '../../../src/sync/doc-room-message'
import { makeDocumentRoom } from '../../../src/sync/document-room'
import { makeDocumentSet } from '../../../src/sync/document-set'
import type { GateRefusal } from '../../../src/sync/trust/change-gate'
import { watchMembership } from '../../../src/sync/trust/membership-from-doc'
import { trustWorkspace, type Device } from '../trust/trust-workspace'
import { linkedPeers } from './linked-peers'

const body = (doc: Y.Doc) => doc.getText('body').toString()
const write = (doc: Y.Doc, text: string) => doc.getText('body').insert(doc.getText('body').length, text)

let stops: (() => void)[] = []
afterEach(() => {
  stops.forEach((stop) => stop())
  stops = []
})

/** Two members' devices of one signed workspace, connected; each judges the other's artifact changes by the workspace's membership. */
const twoMembers = async (a: string, b: string) => {
  const workspace = await trustWorkspace()
  const side = async (device: Device) => {
    const membership = watchMembership(device.doc, workspace.workspaceId, workspace.anchor)
    await membership.settled()
    const documents = makeDocumentSet(device.doc)
    const told: GateRefusal[] = []
    const refusedIncoming: string[] = []
    const rejected: string[] = []
    const room = (links: () => PeerLink[]) =>
      makeDocumentRoom({
        documents,
        links,
        workspaceId: workspace.workspaceId,
        onRejected: (reason) => rejected.push(reason),
        trust: { keys: device.keys, device: device.pub, membership, onRefused: (reason) => told.push(reason), onRefusedIncoming: (reason) => refusedIncoming.push(reason) }
      })
    stops.push(() => membership.destroy())
    return { documents, room, told, refusedIncoming, rejected }
  }
  const [sideA, sideB] = [await side(workspace.devices[a] as Device), await side(workspace.devices[b] as Device)]
  const peers = linkedPeers({ a: sideA.room, b: sideB.room })
  stops.push(() => peers.stop())
  return { a: sideA, b: sideB, peers }
}

describe('artifact documents over a WebRTC connection, signed', () => {
  it('converge between an owner and an editor, each edit signed for its document', async () => {
    const { a, b, peers } = await twoMembers('owner', 'editor')
    const id = makeArtifactId()
    const [onA, onB] = [makeArtifactDoc(id), makeArtifactDoc(id)]
    write(onA, 'Owner. ')
    a.documents.attach(id, onA)
    b.documents.attach(id, onB)
    peers.connect()
    await expect.poll(() => body(onB)).toBe('Owner. ')
    write(onB, 'Editor.')
    await expect.poll(() => body(onA)).toBe('Owner. Editor.')
    expect([...a.rejected, ...b.rejected, ...a.refusedIncoming, ...b.refusedIncoming]).toEqual([])
  })

  it('drops a viewer’s edit, and the viewer is told', async () => {
    const { a, b, peers } = await twoMembers('owner', 'viewer')
    const id = makeArtifactId()
    const [onOwner, onViewer] = [makeArtifactDoc(id), makeArtifactDoc(id)]
    a.documents.attach(id, onOwner)
    b.documents.attach(id, onViewer)
    peers.connect()
    write(onViewer, 'Not allowed')
    await expect.poll(() => b.told).toEqual(['not-allowed'])
    expect(body(onOwner)).toBe('')
  })

  it('drops an unsigned change for an attached document, and counts it', async () => {
    const { a, peers } = await twoMembers('owner', 'editor')
    const id = makeArtifactId()
    const onA = makeArtifactDoc(id)
    a.documents.attach(id, onA)
    peers.connect()
    const scratch = new Y.Doc()
    write(scratch, 'Unsigned')
    peers.a.receive(encodeDocMessage(id, syncMessage(2, Y.encodeStateAsUpdate(scratch))))
    await expect.poll(() => a.rejected).toEqual(['a change that is not signed'])
    expect(a.refusedIncoming).toEqual(['unsigned'])
    expect(body(onA)).toBe('')
  })
})
