import type { WebrtcProvider } from 'y-webrtc'
import { sendToPeer } from './adapters/y-webrtc-internals'
import { stateAskMessage } from './state-ask-message'

/**
 * y-webrtc exchanges what each side is missing once, when a connection opens, and after
 * that sends only new changes. If one of those messages is lost (a connection that opens on a
 * loaded machine as the network comes back, a peer that drops it as garbage), the two devices
 * stay connected and different until someone edits again. Asking every connected peer "here
 * is what I have, send what I lack" now and then (as y-websocket's resync does) closes any
 * such gap: the reply is a few bytes when nothing is missing.
 */
export const resyncPeers = (provider: WebrtcProvider): number => {
  const room = provider.room
  if (!room) return 0
  const message = stateAskMessage(provider.doc)
  let asked = 0
  for (const conn of room.webrtcConns.values()) {
    if (!conn.connected) continue
    try {
      sendToPeer(conn, message)
      asked++
    } catch {
      // A connection closing as we speak: it is dropped and renewed by y-webrtc.
    }
  }
  return asked
}
