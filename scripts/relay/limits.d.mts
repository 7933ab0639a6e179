export interface RelayLimits {
  maxRoomBytes: number
  maxRooms: number
  maxRoomFileBytes: number
  maxRoomFiles: number
  maxConnections: number
  maxConnectionsPerAddress: number
  framesPerSecond: number
  frameBurst: number
  bytesPerSecond: number
  byteBurst: number
  helloTimeoutMs: number
  heartbeatMs: number
  maxBufferedBytes: number
  queryTimeoutMs: number
  pageEntries: number
  pageBytes: number
  trustProxy: boolean
}
export const DEFAULT_RELAY_LIMITS: Readonly<RelayLimits>
export const RELAY_LIMIT_ENV: Readonly<Record<string, keyof RelayLimits>>
export function relayLimitsFromEnv(env: Record<string, string | undefined>): RelayLimits
