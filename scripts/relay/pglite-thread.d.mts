import type { SqlRunner } from './store.d.mts'

/** PGlite in a worker thread: queries, transactions and LISTEN, as the relay's store needs them. */
export interface PgliteThread {
  query<Row = any>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>
  close(): Promise<void>
  readonly closed: boolean
}

export function openPgliteThread(options: { dataDir: string }): Promise<PgliteThread>
