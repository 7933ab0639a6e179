/**
 * The floor of keystroke-to-peer latency (tests/bench/sync-keystroke.bench.ts): a bare page
 * with only y-webrtc, Yjs and a TipTap editor bound to the shared document. Bundled on its own
 * by page-script.ts; none of Mutual's code.
 */
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import StarterKit from '@tiptap/starter-kit'
import { WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'

let provider: WebrtcProvider | null = null
/** Absolute times (time origin + now) at which a change from a peer reached this Y.Doc. */
export const remoteUpdates: number[] = []

export const start = (roomName: string, password: string, signallingUrl: string, element: HTMLElement): void => {
  const doc = new Y.Doc()
  provider = new WebrtcProvider(roomName, doc, { signaling: [signallingUrl], password, peerOpts: { config: { iceServers: [] } } })
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin === provider?.room) remoteUpdates.push(performance.timeOrigin + performance.now())
  })
  const editor = new Editor({
    element,
    extensions: [StarterKit.configure({ undoRedo: false }), Collaboration.configure({ document: doc, field: 'body' })],
    editorProps: { attributes: { role: 'textbox', 'aria-label': 'Floor text' } }
  })
  ;(window as unknown as { floorEditor: Editor }).floorEditor = editor
}

export const connectedPeers = (): number => [...(provider?.room?.webrtcConns.values() ?? [])].filter((c) => c.connected).length

/** For a failure message: what the floor page's provider is doing. */
export const describe = (): unknown => ({
  signalling: (provider?.signalingConns ?? []).map((c: { url: string; connected: boolean }) => [c.url, c.connected]),
  conns: [...(provider?.room?.webrtcConns.values() ?? [])].map((c) => ({ connected: c.connected, closed: c.closed })),
  room: Boolean(provider?.room)
})
