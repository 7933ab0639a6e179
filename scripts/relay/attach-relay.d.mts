import type { Server } from 'node:http'
import type { RelayLimits } from './limits.d.mts'
import type { RelayStore } from './store.d.mts'

export const RELAY_PATH: '/relay'

export interface AttachedRelay {
  /** Resolves once this process LISTENs for the store's notifications. */
  ready: Promise<void>
  /** Random, per attachRelay: tells this process's presence from another's. */
  processId: string
  connectionCount(): number
  roomCount(): number
  /** Stops taking connections and ends the open ones; idempotent. Leaves the store open. */
  close(): Promise<void>
}

export interface RelayOptions {
  /** '/relay' by default; null takes an upgrade on any path. */
  path?: string | null
  store: RelayStore
  limits?: Partial<RelayLimits>
}

export function attachRelay(server: Server, options: RelayOptions): AttachedRelay
