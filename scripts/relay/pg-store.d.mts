import type { RelayStore, StoreOptions } from './store.d.mts'

export function openPgStore(options: StoreOptions & { connectionString: string; poolSize?: number }): Promise<RelayStore>
