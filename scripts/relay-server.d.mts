import type { AttachedRelay } from './relay/attach-relay.d.mts'
import type { RelayLimits } from './relay/limits.d.mts'
import type { RelayStore } from './relay/store.d.mts'

export function startRelayServer(options: {
  host?: string
  port?: number
  store: RelayStore
  limits?: Partial<RelayLimits>
}): Promise<{ url: string; relay: AttachedRelay; close(): Promise<void> }>
