import type { WebSocket } from 'ws'
import type { RelayLimits } from './limits.d.mts'
import type { RoomFanout } from './room-fanout.d.mts'
import type { RelayStore } from './store.d.mts'

export interface RelayConnection {
  heartbeat(): void
  terminate(): void
  phase(): 'awaiting-hello' | 'catching-up' | 'live' | 'closed'
}
export function handleRelayConnection(
  ws: WebSocket,
  context: { store: RelayStore; fanout: RoomFanout; limits: RelayLimits; origin: string; ready: Promise<void> }
): RelayConnection
