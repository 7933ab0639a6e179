import type { PgliteThread } from './pglite-thread.mjs'
import type { RelayStore, StoreOptions } from './store.d.mts'

export function openPgliteStore(options: StoreOptions & ({ dataDir: string } | { db: PgliteThread })): Promise<RelayStore>
