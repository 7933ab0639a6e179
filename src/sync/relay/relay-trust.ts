import type { WorkspaceId } from '../../domain/ids'
import type { DeviceKeyId } from '../../domain/trust/membership-entry'
import { signRelayRefusal, verifyRelayRefusal, type RelayRefusal } from '../trust/relay-refusal'
import type { StateOutcome } from '../trust/state-outcome'
import type { TrustChannel } from '../trust/trust-channel'
import type { TrustSetup } from '../trust/trust-setup'

/**
 * The trust gate as the relay sees it (docs/trust.md, "Relay entries"): what this device
 * appends leaves as a state it signed, and what the relay delivers is judged like a WebRTC
 * peer's state before anything reaches the document. Absent, the relay works as before signing.
 */
export interface RelayTrust {
  /** This device's device key id. */
  readonly device: DeviceKeyId
  /** This device's state, or the part the relay lacks, signed (TrustChannel.signState). */
  sign(update: Uint8Array): Promise<Uint8Array>
  /** A signed state the relay delivered: applied under `origin` only as far as its signer may write. */
  receive(signed: Uint8Array, origin: unknown): Promise<StateOutcome>
  /** The workspace's trust anchor is `legacy` (made before trust): its first catch-up may take unsigned entries. */
  legacy(): boolean
  /** A notice that this device refused a signed entry, signed by this device (sync/trust/relay-refusal.ts). */
  signRefusal(refusal: Omit<RelayRefusal, 'refusedBy'>): Promise<Uint8Array>
  /**
   * A refusal notice from the relay: null unless its signature checks out and a member's
   * device signed it. When it names this device, its interface says so (once per entry).
   */
  receiveRefusal(notice: Uint8Array): Promise<RelayRefusal | null>
}

/** Refused entries of this device already shown: several devices refuse the same entry. */
const SHOWN_REMEMBERED = 256

export const relayTrustOf = (channel: TrustChannel, setup: TrustSetup, workspaceId: WorkspaceId): RelayTrust => {
  const shown = new Set<string>()
  return {
    device: setup.device.keyId,
    sign: (update) => channel.signState(update),
    receive: (signed, origin) => channel.receiveState(signed, origin),
    legacy: () => setup.membership.view().anchor.kind === 'legacy',
    signRefusal: (refusal) => signRelayRefusal(workspaceId, setup.keys.signing.privateKey, { ...refusal, refusedBy: setup.device.keyId }),
    async receiveRefusal(notice) {
      const refusal = await verifyRelayRefusal(workspaceId, notice)
      // Anyone can make a key pair: only a member's device is believed, and only about this device.
      if (!refusal || !setup.membership.view().current().state.deviceMember.has(refusal.refusedBy)) return null
      const entry = `${refusal.sender}:${refusal.counter}`
      if (refusal.author === setup.device.keyId && !shown.has(entry)) {
        shown.add(entry)
        if (shown.size > SHOWN_REMEMBERED) shown.delete(shown.values().next().value as string)
        setup.onRefused?.(refusal.reason)
      }
      return refusal
    }
  }
}
