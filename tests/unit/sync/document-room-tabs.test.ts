import * as bc from 'lib0/broadcastchannel'
import { Observable } from 'lib0/observable'
import type { WebrtcProvider } from 'y-webrtc'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeArtifactDoc } from '../../../src/crdt/artifact-doc'
import { makeArtifactId, makeWorkspaceId } from '../../../src/domain/ids'
import { docMessageParts, encodeDocMessage, syncMessage } from '../../../src/sync/doc-room-message'
import { makeDocumentRoom, type DocumentRoom } from '../../../src/sync/document-room'
import { makeDocumentSet } from '../../../src/sync/document-set'
import { watchMembership } from '../../../src/sync/trust/membership-from-doc'
import { decodeSignedChange } from '../../../src/sync/trust/signed-change'
import { trustPayloadOf } from '../../../src/sync/trust-room-message'
import { hardenProvider } from '../../../src/sync/y-webrtc-hardening'
import { encryptRoomBytes } from '../../../src/sync/y-webrtc-room-crypto'
import { trustWorkspace, type Device } from '../trust/trust-workspace'

const body = (doc: Y.Doc) => doc.getText('body').toString()
const write = (doc: Y.Doc, text: string) => doc.getText('body').insert(doc.getText('body').length, text)

const stops: (() => void)[] = []
afterEach(() => {
  for (const stop of stops.splice(0)) stop()
})

/** Two tabs of one device (the owner's, signing with trust), their BroadcastChannel a moment's delay, each recording what it sends its peer. */
const twoTabs = async () => {
  const workspace = await trustWorkspace()
  const device = workspace.devices.owner as Device
  const membership = watchMembership(device.doc, workspace.workspaceId, workspace.anchor)
  await membership.settled()
  const rejected: string[] = []
  const tab = () => {
    const documents = makeDocumentSet(device.doc)
    /** What this tab sends its peers. */
    const peerSent: Uint8Array[] = []
    const room = makeDocumentRoom({
      documents,
      links: () => [{ id: 'peer', send: (message) => peerSent.push(message) }],
      workspaceId: workspace.workspaceId,
      onRejected: (reason) => rejected.push(reason),
      trust: { keys: device.keys, device: device.pub, membership }
    })
    return { documents, room, peerSent }
  }
  const [a, b] = [tab(), tab()]
  const link = (from: DocumentRoom, to: DocumentRoom) => from.reachTabs((message) => void setTimeout(() => to.receiveFromTab(message), 0))
  stops.push(() => {
    a.room.destroy()
    b.room.destroy()
    membership.destroy()
  })
  return { a, b, link: () => (link(a.room, b.room), link(b.room, a.room)), rejected }
}

describe('artifact documents between tabs of one browser', () => {
  it('converge unsigned (a tab is this device), and a change from the other tab is not sent on to peers again', async () => {
    const { a, b, link, rejected } = await twoTabs()
    const id = makeArtifactId()
    const [onA, onB] = [makeArtifactDoc(id), makeArtifactDoc(id)]
    write(onA, 'Tab A. ')
    a.documents.attach(id, onA)
    b.documents.attach(id, onB)
    link()
    await expect.poll(() => body(onB)).toBe('Tab A. ')
    write(onB, 'Tab B. ')
    await expect.poll(() => body(onA)).toBe('Tab A. Tab B. ')
    await expect.poll(() => carries(b.peerSent, 'Tab B.')).toBe(true)
    // Tab A signs its own changes in order: had it taken tab B's as its own, it would be in or before this one.
    write(onA, 'Again.')
    await expect.poll(() => carries(a.peerSent, 'Again.')).toBe(true)
    expect(carries(a.peerSent, 'Tab B.')).toBe(false)
    expect(rejected).toEqual([])
  })

  it('reach a tab through the room’s BroadcastChannel, encrypted, past the hardening', async () => {
    const name = `doc-tabs-${Math.random()}`
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
    // The room as y-webrtc subscribes it to the tabs' channel (as in own-tab-echo.test.ts).
    const room = { name, peerId: 'me', bcConns: new Set(), webrtcConns: new Map(), bcconnected: true, _bcSubscriber: async () => {} }
    bc.subscribe(name, room._bcSubscriber)
    const provider = Object.assign(new Observable<string>(), { key: Promise.resolve(key), shouldConnect: true, maxConns: 8, signalingConns: [], peerOpts: {}, room })
    const documents = makeDocumentSet(new Y.Doc())
    const rejected: string[] = []
    const documentRoom = makeDocumentRoom({ documents, links: () => [], workspaceId: makeWorkspaceId(), onRejected: (reason) => rejected.push(reason) })
    const stop = hardenProvider(provider as unknown as WebrtcProvider, name, (_source, reason) => rejected.push(reason), () => {}, () => [], null, undefined, null, documentRoom)
    const otherTab = new BroadcastChannel(name)
    stops.push(() => {
      stop()
      documentRoom.destroy()
      otherTab.close()
      bc.unsubscribe(name, room._bcSubscriber)
    })
    const id = makeArtifactId()
    const doc = makeArtifactDoc(id)
    documents.attach(id, doc)
    // Attached once the room's key is known: the other tabs are asked for it.
    const heard: Uint8Array[] = []
    otherTab.onmessage = (event: MessageEvent) => heard.push(new Uint8Array(event.data as ArrayBuffer))
    await expect.poll(() => heard.length).toBeGreaterThan(0)
    const scratch = new Y.Doc()
    write(scratch, 'From another tab')
    otherTab.postMessage(await encryptRoomBytes(encodeDocMessage(id, syncMessage(2, Y.encodeStateAsUpdate(scratch))), key))
    await expect.poll(() => body(doc)).toBe('From another tab')
    expect(rejected).toEqual([])
  })
})

/** Whether any of these signed artifact messages carries `text` in its update. */
const carries = (messages: Uint8Array[], text: string): boolean =>
  messages.some((message) => {
    const inner = docMessageParts(message)?.message
    const decoded = inner && decodeSignedChange(trustPayloadOf(inner))
    if (!decoded?.ok) return false
    return Y.decodeUpdate(decoded.change.update).structs.some((s) => s instanceof Y.Item && s.content instanceof Y.ContentString && s.content.str.includes(text))
  })
