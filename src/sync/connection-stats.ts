/**
 * What this page's WebRTC connections went through, counted: how many were dialled and
 * answered, which were dropped and why, how often this device announced itself again, and how
 * much signalling it read. Plain counters, cheap enough to keep always; the board benchmark
 * (tests/bench/board-peer.ts) prints them, so a retry storm shows as numbers, not a guess.
 */
export interface ConnectionStats {
  /** Connections this device opened itself (it sent the offer). */
  dialled: number
  /** Connections another device opened to this one. */
  answered: number
  /** Connections to a device this page had a connection to before (a re-dial). */
  redialled: number
  /** Connections that opened. */
  opened: number
  /** Dropped by this device while still being set up (stalled). */
  droppedWhileConnecting: number
  /** Dropped by this device after opening, because nothing arrived on them. */
  droppedSilent: number
  /** Closed before they opened, by the other end or by WebRTC itself. */
  closedBeforeOpen: number
  /** Announcements sent again (after the one y-webrtc sends on connecting). */
  reannounced: number
  /** Announcements heard and not dialled because enough handshakes were already in flight. */
  dialsDeferred: number
  /** Offers held back because enough handshakes were already in flight here. */
  offersDeferred: number
  /** Signalling messages for this room that this device decrypted and checked. */
  signallingRead: number
}

export const makeConnectionStats = (): ConnectionStats => ({
  dialled: 0,
  answered: 0,
  redialled: 0,
  opened: 0,
  droppedWhileConnecting: 0,
  droppedSilent: 0,
  closedBeforeOpen: 0,
  reannounced: 0,
  dialsDeferred: 0,
  offersDeferred: 0,
  signallingRead: 0
})

/** This page's counts, for every room it joins. */
export const connectionStats: ConnectionStats = makeConnectionStats()
