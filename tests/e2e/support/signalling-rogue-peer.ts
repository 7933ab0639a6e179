/**
 * A member's device gone wrong, for tests: plain y-webrtc and Yjs (bundled on their own by
 * tests/bench/support/page-script.ts, none of Mutual's code) joined to a workspace's room with
 * the right key, able to send raw bytes to the devices it connects to.
 */
import { WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'

let provider: WebrtcProvider | null = null

export const join = (roomName: string, secret: string, signallingUrl: string): void => {
  provider = new WebrtcProvider(roomName, new Y.Doc(), {
    signaling: [signallingUrl],
    password: secret,
    peerOpts: { config: { iceServers: [] } }
  })
}

const connected = () => [...(provider?.room?.webrtcConns.values() ?? [])].filter((c) => c.connected)

export const connectedPeers = (): number => connected().length

/** Sends each message, as it is, down every open connection. */
export const sendRaw = (messages: number[][]): void => {
  for (const conn of connected()) for (const m of messages) conn.peer.send(Uint8Array.from(m))
}
