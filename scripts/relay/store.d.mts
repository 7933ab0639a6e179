export interface SqlRunner {
  query(text: string, params?: unknown[]): Promise<{ rows: any[] }>
}

/** What the store needs from a database: queries, transactions and LISTEN. */
export interface SqlDriver extends SqlRunner {
  /** Runs `work` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>
  /** LISTENs on `channel`; `onResync` runs after a lost LISTEN connection is back (notifications
   * may have been missed meanwhile). Resolves with a function that stops listening. */
  listen(channel: string, onPayload: (payload: string) => void, onResync?: () => void): Promise<() => Promise<void>>
  /** How sealed blobs (entry bodies, snapshots) go into and come out of SQL. */
  blob: BlobCodec
  close(): Promise<void>
}

export interface BlobCodec {
  /** SQL for parameter $index holding a blob. */
  param(index: number): string
  value(bytes: Uint8Array): unknown
  /** SQL reading a blob column. */
  column(name: string): string
  read(value: any): Buffer
}
export const PLAIN_BLOBS: BlobCodec
export const BASE64_BLOBS: BlobCodec

export interface RoomState {
  head: number
  snapshotCovers: number
  logEntries: number
  logBytes: number
}

export type AppendResult = { ok: true; seq: number } | { ok: false; reason: 'full'; message: string }
export type CompactResult = { ok: true } | { ok: false; reason: 'refused' | 'full'; message: string }
export type FilePutResult = { ok: true; complete: boolean } | { ok: false; reason: 'full' | 'refused'; message: string }
export interface StoredEntry {
  seq: number
  sealed: Buffer
}

/** Every method rejects with RelayUnavailableError when the database is down or too slow. */
export interface RelayStore {
  readonly schema: string
  /** Zeros for a room that has nothing yet. */
  roomState(room: Buffer): Promise<RoomState>
  append(room: Buffer, sealed: Uint8Array): Promise<AppendResult>
  compact(room: Buffer, covers: number, sealed: Uint8Array): Promise<CompactResult>
  /** The room's snapshot when it covers more than `after`. */
  readSnapshotAbove(room: Buffer, after: number): Promise<{ covers: number; sealed: Buffer } | null>
  /** Entries after `after`, in seq order: at most maxEntries, and at most maxBytes unless one
   * entry alone is bigger. `more` says the page stopped at a bound. */
  readEntries(room: Buffer, after: number, page: { maxEntries: number; maxBytes: number }): Promise<{ entries: StoredEntry[]; more: boolean }>
  /** For each id, whether the room holds that file whole (every part). */
  filesHeld(room: Buffer, ids: Buffer[]): Promise<boolean[]>
  /** Stores one part of a sealed file (a part already there is kept as it is); `complete` says
   * the file is now whole. Refused when it would pass the room's file quota, or disagrees with
   * the parts already stored about the file's size. */
  putFilePart(room: Buffer, id: Buffer, total: number, part: number, slice: Uint8Array): Promise<FilePutResult>
  readFilePart(room: Buffer, id: Buffer, part: number): Promise<{ total: number; slice: Buffer } | null>
  /** Files (whole or not) and their bytes in a room. */
  roomFiles(room: Buffer): Promise<{ files: number; bytes: number }>
  /** NOTIFY each payload on the presence channel, together and in order; false (and nothing
   * sent) when one is over NOTIFY's limit. */
  publishPresence(payloads: string[]): Promise<boolean>
  subscribe(handlers: {
    onEntry(payload: string): void
    onPresence(payload: string): void
    onResync(): void
  }): Promise<() => Promise<void>>
  /** Drops the store's schema and everything in it (tests). */
  dropSchema(): Promise<void>
  close(): Promise<void>
}

export interface StoreOptions {
  /** A PostgreSQL schema of the store's own ("public" by default; tests use one per run). */
  schema?: string
  maxRoomBytes: number
  maxRooms: number
  queryTimeoutMs: number
  /** Sealed file bytes, and files, one room may hold (defaults: 1 GiB and 10,000). */
  maxRoomFileBytes?: number
  maxRoomFiles?: number
}

export class RelayUnavailableError extends Error {
  constructor(message: string, cause?: unknown)
}
export const MAX_NOTIFY_PAYLOAD_BYTES: number
export const DEFAULT_MAX_ROOM_FILE_BYTES: number
export const DEFAULT_MAX_ROOM_FILES: number
export function roomIdForToken(token: Uint8Array): Buffer
export function makeRelayStore(driver: SqlDriver, options: StoreOptions): Promise<RelayStore>
