/**
 * One way changes and presence reach other devices (ARCHITECTURE.md, "Sync"): peers and tabs
 * (y-webrtc), the relay. The sync core opens each, hands it this device's own changes, reads
 * its status and closes it; like automerge-repo's network adapters, a transport knows nothing
 * of the others.
 *
 * Receiving: a transport applies what it receives to the document itself, under its own
 * transaction origin (`isOwnOrigin`), only after decoding and checking it whole; the core
 * uses the origin to keep remote changes from being sent back out as this device's own.
 */
export type TransportLifecycle = 'idle' | 'opening' | 'open' | 'closed' | 'destroyed'

/** A change made on this device: the Yjs update and the deletions it made here (state-summary.ts). */
export interface LocalChange {
  update: Uint8Array
  deleted: number
}

export interface Transport<Status> {
  readonly name: 'webrtc' | 'relay'
  lifecycle(): TransportLifecycle
  /** True for the transaction origins of changes this transport applied (received from elsewhere). */
  isOwnOrigin(origin: unknown): boolean
  open(): Promise<void>
  /** A change of this device, to pass on. */
  send(change: LocalChange): void
  status(): Status
  /** Called when status() may have changed. */
  subscribe(listener: () => void): () => void
  /** The browser's network came or went. */
  networkChanged(online: boolean): void
  close(): Promise<void>
  /** Closes for good; safe to call more than once. */
  destroy(): Promise<void>
}
