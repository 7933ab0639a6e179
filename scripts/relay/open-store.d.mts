import type { RelayLimits } from './limits.d.mts'
import type { RelayStore } from './store.d.mts'

export const DEFAULT_RELAY_DATA_DIR: string
export function describeDatabaseUrl(url: string): string
export function openRelayStore(options: {
  databaseUrl?: string
  dataDir?: string
  schema?: string
  limits: Pick<RelayLimits, 'maxRoomBytes' | 'maxRooms' | 'queryTimeoutMs'> & Partial<Pick<RelayLimits, 'maxRoomFileBytes' | 'maxRoomFiles'>>
}): Promise<{ store: RelayStore; where: string }>
export function openRelayStoreFromEnv(
  env: Record<string, string | undefined>,
  limits: RelayLimits
): Promise<{ store: RelayStore; where: string }>
