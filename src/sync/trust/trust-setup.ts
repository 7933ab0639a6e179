import type { IncomingRefusalReason } from '../../domain/refused-incoming'
import type { DeviceKeyId } from '../../domain/trust/membership-entry'
import type { GateRefusal } from './change-gate'
import type { DeviceKeys, DevicePublic } from './device-keys'
import type { LiveMembership } from './membership-from-doc'

/**
 * What sync needs to sign and check changes (docs/trust.md): this device's keys and the
 * workspace's membership, made by the app when it opens a workspace (app/trust-identity.ts).
 */
export interface TrustSetup {
  keys: DeviceKeys
  device: DevicePublic
  membership: LiveMembership
  /** One of this device's own changes was refused by another device: its interface says so. */
  onRefused?: (reason: GateRefusal) => void
  /** One of this device's own changes was too large to send (`bytes`, over `largest`): it stays here, and the interface says so. */
  onUnsent?: (bytes: number, largest: number) => void
  /**
   * This device refused something another device sent (trust-channel.ts): set by the sync core,
   * which counts it for the Sync status (refused-incoming-record.ts).
   */
  onRefusedIncoming?: (reason: IncomingRefusalReason, author: DeviceKeyId | null) => void
}
