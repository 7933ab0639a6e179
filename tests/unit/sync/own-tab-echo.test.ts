import * as bc from 'lib0/broadcastchannel'
import * as encoding from 'lib0/encoding'
import { Observable } from 'lib0/observable'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'
import { hardenProvider } from '../../../src/sync/y-webrtc-hardening'

/** A sync update as y-webrtc sends it to other tabs: encrypted with the room key (its crypto.js format). */
const encryptedUpdate = async (key: CryptoKey, text: string): Promise<Uint8Array> => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, 0)
  encoding.writeVarUint(message, 2)
  encoding.writeVarUint8Array(message, Y.encodeStateAsUpdate(doc))
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoding.toUint8Array(message)))
  const out = encoding.createEncoder()
  encoding.writeVarString(out, 'AES-GCM')
  encoding.writeVarUint8Array(out, iv)
  encoding.writeVarUint8Array(out, cipher)
  return encoding.toUint8Array(out)
}

const stops: (() => void)[] = []
afterEach(() => {
  for (const stop of stops.splice(0)) stop()
})

/** A room subscribed to the tabs' channel as y-webrtc subscribes it, hardened as the app hardens it. */
const hardenedRoom = async (name: string) => {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
  const reachedYWebrtc: Uint8Array[] = []
  const room = {
    name,
    peerId: 'me',
    bcConns: new Set(),
    webrtcConns: new Map(),
    _bcSubscriber: async (data: ArrayBuffer) => {
      reachedYWebrtc.push(new Uint8Array(data))
    }
  }
  bc.subscribe(name, room._bcSubscriber)
  const provider = Object.assign(new Observable<string>(), { key: Promise.resolve(key), shouldConnect: true, maxConns: 8, signalingConns: [], peerOpts: {}, room })
  const stop = hardenProvider(provider as unknown as WebrtcProvider, name, () => {}, () => {})
  await new Promise((resolve) => setTimeout(resolve, 0))
  stops.push(() => {
    stop()
    bc.unsubscribe(name, room._bcSubscriber)
  })
  return { key, reachedYWebrtc }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100))

describe('messages between tabs', () => {
  it('a tab does not decrypt, check and apply again what it sent to the other tabs itself; what another tab sends still arrives', async () => {
    const name = `own-echo-${Math.random()}`
    const { key, reachedYWebrtc } = await hardenedRoom(name)

    // y-webrtc publishes through lib0, which hands the message to this tab's own subscriber too.
    bc.publish(name, await encryptedUpdate(key, 'sent by this tab'))
    await settle()
    expect(reachedYWebrtc).toEqual([])

    const otherTab = new BroadcastChannel(name)
    const fromOtherTab = await encryptedUpdate(key, 'sent by another tab')
    otherTab.postMessage(fromOtherTab)
    await expect.poll(() => reachedYWebrtc.length).toBe(1)
    expect(reachedYWebrtc[0]).toEqual(fromOtherTab)
    otherTab.close()
  })
})
