import * as Y from 'yjs'
import type { WorkspaceId } from '../../../src/domain/ids'
import type { IncomingRefusalReason } from '../../../src/domain/refused-incoming'
import type { DeviceKeyId, TrustAnchor } from '../../../src/domain/trust/membership-entry'
import { relayTrustOf, type RelayTrust } from '../../../src/sync/relay/relay-trust'
import type { GateRefusal } from '../../../src/sync/trust/change-gate'
import { watchMembership, type LiveMembership } from '../../../src/sync/trust/membership-from-doc'
import { makeTrustChannel, type TrustChannel } from '../../../src/sync/trust/trust-channel'
import type { TrustSetup } from '../../../src/sync/trust/trust-setup'
import type { Device } from './trust-workspace'

export interface GatedDevice {
  membership: LiveMembership
  channel: TrustChannel
  /** The trust gate as the app gives it to its relay (sync/workspace-sync.ts). */
  relay: RelayTrust
  /** What the app's sync core makes every trust channel of this device from. */
  setup: TrustSetup
  /** Refusals of this device's own changes its interface was told of. */
  told: GateRefusal[]
  /** What this device refused from others, as the Sync status hears of it. */
  incoming: { reason: IncomingRefusalReason; author: DeviceKeyId | null }[]
  destroy(): void
}

/**
 * A device's keys behind the trust gate, on `doc`, with the membership the workspace's anchor
 * gives (a `legacy` one for a workspace made before trust), as the app's relay has it.
 */
export const gatedDevice = async (workspaceId: WorkspaceId, anchor: TrustAnchor, device: Device, doc = device.doc): Promise<GatedDevice> => {
  const membership = watchMembership(doc, workspaceId, anchor)
  await membership.settled()
  const told: GateRefusal[] = []
  const incoming: GatedDevice['incoming'] = []
  const setup = {
    keys: device.keys,
    device: device.pub,
    membership,
    onRefused: (reason: GateRefusal) => told.push(reason),
    onRefusedIncoming: (reason: IncomingRefusalReason, author: DeviceKeyId | null) => incoming.push({ reason, author })
  }
  const channel = makeTrustChannel({ ...setup, doc, workspaceId, apply: (u, origin) => Y.applyUpdate(doc, u, origin) })
  return {
    membership,
    channel,
    relay: relayTrustOf(channel, setup, workspaceId),
    setup,
    told,
    incoming,
    destroy() {
      channel.destroy()
      membership.destroy()
    }
  }
}
