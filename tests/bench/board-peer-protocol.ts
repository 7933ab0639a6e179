import type { ConnectionStats } from '../../src/sync/connection-stats'
/** What the board benchmark's parent and its peer processes say to each other over IPC. */

export interface PeerInit {
  type: 'init'
  index: number
  total: number
  workspaceId: string
  signalling: string
  secret: string
  /** 'app': the app's sync (src/sync); 'bare': a plain y-webrtc provider, for comparison. */
  transport: 'app' | 'bare'
  /** y-webrtc's maxConns; null keeps its default (20 to 34, at random). */
  maxConns: number | null
  /** The board as everyone has it before the workshop starts (base64 Yjs update). */
  initialUpdate: string
  boardId: string
  columnIds: string[]
  notesPerPeer: number
  dotsPerPeer: number
  seed: number
}
export interface PeerGo {
  type: 'go'
  /** Epoch ms at which the workshop starts, the same for every peer. */
  at: number
  windowMs: number
}
export type ToPeer = PeerInit | PeerGo | { type: 'final' } | { type: 'stop' }

export interface Counts {
  dataMessages: number
  dataBytes: number
  /** Data messages by y-webrtc message kind. */
  docUpdates: number
  syncSteps: number
  awareness: number
  other: number
  signallingMessages: number
  signallingBytes: number
}

export const zeroCounts = (): Counts => ({
  dataMessages: 0,
  dataBytes: 0,
  docUpdates: 0,
  syncSteps: 0,
  awareness: 0,
  other: 0,
  signallingMessages: 0,
  signallingBytes: 0
})
export type FromPeer =
  | { type: 'joined'; at: number }
  /** `synced`: the peers this one has an open WebRTC connection to (y-webrtc sends sync step 1 on opening). */
  | { type: 'conns'; at: number; peerId: string; connected: number; synced: string[] }
  | { type: 'acted'; lastActionAt: number; notes: number; dots: number; dotRetries: number }
  | { type: 'complete'; at: number }
  | {
      type: 'final'
      digest: string
      notes: number
      dots: number
      noteTexts: string
      counts: { joined: Counts; go: Counts; now: Counts }
      /** CPU time this process used (user + system, ms) up to each point. */
      cpuMs: { joined: number; go: number; now: number }
      /** The app's connection counters (src/sync/connection-stats.ts), up to each point. */
      connections: { go: ConnectionStats; now: ConnectionStats }
    }
  | { type: 'error'; message: string }

export const noteText = (peer: number, k: number): string => `Idea ${k + 1} from participant ${peer + 1}`

