import type { PGlite } from '@electric-sql/pglite'
import type { RelayStore, StoreOptions } from './store.d.mts'

export function openPgliteStore(options: StoreOptions & ({ dataDir: string } | { db: PGlite })): Promise<RelayStore>
