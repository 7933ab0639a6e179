import type { RelayStore } from './store.d.mts'
export declare const shareReads: (store: RelayStore) => RelayStore
