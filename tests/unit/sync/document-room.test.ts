import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeArtifactDoc } from '../../../src/crdt/artifact-doc'
import { makeArtifactId, makeWorkspaceId, type ArtifactId } from '../../../src/domain/ids'
import type { PeerLink } from '../../../src/sync/attachment-exchange'
import { DOC_MESSAGE, encodeDocMessage, syncMessage } from '../../../src/sync/doc-room-message'
import { makeDocumentRoom } from '../../../src/sync/document-room'
import { makeDocumentSet, type DocumentSet } from '../../../src/sync/document-set'
import { MAX_LIVE_MESSAGE_BYTES } from '../../../src/sync/peer-message-budget'
import { linkedPeers } from './linked-peers'

const workspaceId = makeWorkspaceId()
const body = (doc: Y.Doc | undefined) => doc?.getText('body').toString()
const write = (doc: Y.Doc, text: string) => doc.getText('body').insert(doc.getText('body').length, text)

/** Two devices of one workspace, each with its document set, unsigned (as before trust). */
const twoDevices = () => {
  const sets = { a: makeDocumentSet(new Y.Doc()), b: makeDocumentSet(new Y.Doc()) }
  const rejectedByRoom: string[] = []
  const roomOf = (documents: DocumentSet) => (links: () => PeerLink[]) =>
    makeDocumentRoom({ documents, links, workspaceId, onRejected: (reason) => rejectedByRoom.push(reason) })
  const peers = linkedPeers({ a: roomOf(sets.a), b: roomOf(sets.b) })
  return { ...sets, peers, rejectedByRoom }
}

let stops: (() => void)[] = []
afterEach(() => {
  stops.forEach((stop) => stop())
  stops = []
})
const started = <T extends { peers: { stop(): void } }>(devices: T): T => {
  stops.push(() => devices.peers.stop())
  return devices
}

describe('artifact documents over a WebRTC connection', () => {
  it('converge once connected, and an edit on one device reaches the other', async () => {
    const { a, b, peers } = started(twoDevices())
    const id = makeArtifactId()
    const [onA, onB] = [makeArtifactDoc(id), makeArtifactDoc(id)]
    write(onA, 'From A. ')
    write(onB, 'From B. ')
    a.attach(id, onA)
    b.attach(id, onB)
    peers.connect()
    await expect.poll(() => body(onB)).toContain('From A.')
    await expect.poll(() => body(onA)).toContain('From B.')
    expect(body(onA)).toBe(body(onB))
    write(onA, 'Later.')
    await expect.poll(() => body(onB)).toContain('Later.')
    expect(peers.a.rejected).toEqual([])
    expect(peers.b.rejected).toEqual([])
  })

  it('asks connected peers for a document when it is attached', async () => {
    const { a, b, peers } = started(twoDevices())
    peers.connect()
    const id = makeArtifactId()
    const onA = makeArtifactDoc(id)
    write(onA, 'Held by A only')
    a.attach(id, onA)
    const onB = makeArtifactDoc(id)
    b.attach(id, onB)
    await expect.poll(() => body(onB)).toBe('Held by A only')
  })

  it('changes nothing on a device that has not attached the document, says nothing, and never touches the workspace document', async () => {
    const { a, b, peers, rejectedByRoom } = started(twoDevices())
    peers.connect()
    const id = makeArtifactId()
    const onA = makeArtifactDoc(id)
    a.attach(id, onA)
    write(onA, 'Not for B')
    await expect.poll(() => peers.b.room.ignored()).toBeGreaterThan(0)
    expect(b.get(id)).toBeUndefined()
    expect(b.artifacts()).toEqual([])
    expect(b.root.share.size).toBe(0)
    expect(peers.b.reachedYWebrtc).toEqual([])
    expect(peers.b.rejected).toEqual([])
    expect(rejectedByRoom).toEqual([])
  })

  it('stops carrying a document once it is detached', async () => {
    const { a, b, peers } = started(twoDevices())
    peers.connect()
    const id = makeArtifactId()
    const [onA, onB] = [makeArtifactDoc(id), makeArtifactDoc(id)]
    a.attach(id, onA)
    const detach = b.attach(id, onB)
    write(onA, 'Before. ')
    await expect.poll(() => body(onB)).toBe('Before. ')
    detach()
    write(onA, 'After.')
    await expect.poll(() => peers.b.room.ignored()).toBeGreaterThan(0)
    expect(body(onB)).toBe('Before. ')
  })

  it('refuses, without throwing, a message with a docKey that is not an artifact id, one for the workspace document, an unknown type, and one over its budget', async () => {
    const { b, peers } = started(twoDevices())
    const id = makeArtifactId()
    const onB = makeArtifactDoc(id)
    b.attach(id, onB)
    peers.connect()
    const update = (() => {
      const doc = new Y.Doc()
      write(doc, 'x')
      return syncMessage(2, Y.encodeStateAsUpdate(doc))
    })()
    const withKey = (key: string) => encodeDocMessage(key as ArtifactId, update)
    const garbage = [
      withKey(id.toUpperCase()),
      withKey('../../' + id.slice(6)),
      new Uint8Array([DOC_MESSAGE, 1, ...update]),
      // The workspace document's messages are never wrapped: docKey "" has no place here.
      Uint8Array.of(DOC_MESSAGE, 1, ...new Uint8Array(32), ...update),
      // A newer layout, a message wrapped twice, presence inside, and a type nobody knows.
      (() => {
        const m = withKey(id)
        m[1] = 2
        return m
      })(),
      encodeDocMessage(id, withKey(id)),
      encodeDocMessage(id, Uint8Array.of(1, 1, 0)),
      Uint8Array.of(79, 1, 2, 3)
    ]
    for (const message of garbage) peers.b.receive(message)
    const huge = new Y.Doc()
    huge.getText('body').insert(0, 'y'.repeat(MAX_LIVE_MESSAGE_BYTES))
    peers.b.receive(encodeDocMessage(id, syncMessage(2, Y.encodeStateAsUpdate(huge))))
    await expect.poll(() => peers.b.rejected.length).toBe(garbage.length + 1)
    expect(peers.b.rejected.slice(0, garbage.length).every((r) => r.reason === 'a malformed message')).toBe(true)
    expect(peers.b.rejected.at(-1)?.reason).toMatch(/over the 4 MB one message may carry/)
    expect(body(onB)).toBe('')
    expect(peers.b.reachedYWebrtc).toEqual([])
    // The well-formed one still applies.
    peers.b.receive(withKey(id))
    await expect.poll(() => body(onB)).toBe('x')
  })
})
