import * as Y from 'yjs'
import { RELAY } from '../../crdt/origins'
import type { ArtifactId, WorkspaceId } from '../../domain/ids'
import type { DeviceKeyId } from '../../domain/trust/membership-entry'
import { mark } from '../sync-marks'
import { signRelayRefusal, verifyRelayRefusal, type RelayRefusal } from '../trust/relay-refusal'
import { decodeSignedChange, MAX_SIGNED_STATE_BYTES } from '../trust/signed-change'
import type { StateOutcome } from '../trust/state-outcome'
import { makeTrustChannel, type TrustChannel } from '../trust/trust-channel'
import type { TrustSetup } from '../trust/trust-setup'
import { CHECK_STATE_OFF_THREAD_FROM_BYTES, defaultStateCheck, receiveStateOffThread, type StateCheckOffThread } from '../trust/state-off-thread'
import type { ClockRange } from '../update-clock-ranges'
import type { UpdateCheck } from './relay-update-check'

/** What became of a signed state from the relay, and the clock ranges it carries (the relay holds them whatever this device decided). */
export interface ReceivedState {
  ranges: ClockRange[]
  outcome: StateOutcome
}

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
  /**
   * A signed state the relay delivered: its Yjs bytes decoded whole (by `check`, or in the
   * checking worker with its signature and areas when large), then applied under `origin`
   * only as far as its signer may write. Null when it does not read or decode: nothing applied.
   */
  receive(signed: Uint8Array, origin: unknown, check: UpdateCheck): Promise<ReceivedState | null>
  /** The workspace's trust anchor is `legacy` (made before trust): its first catch-up may take unsigned entries. */
  legacy(): boolean
  /** An unsigned entry was dropped (outside the legacy first catch-up): counted for the Sync status (TrustChannel.refusedUnsigned). */
  refusedUnsigned(): void
  /** Calls `listener` whenever this device's membership log gains entries; returns the unsubscribe. */
  onMembershipChange(listener: () => void): () => void
  /** A notice that this device refused a signed entry, signed by this device (sync/trust/relay-refusal.ts). */
  signRefusal(refusal: Omit<RelayRefusal, 'refusedBy'>): Promise<Uint8Array>
  /**
   * A refusal notice from the relay: null unless its signature checks out and a member's
   * device signed it. When it names this device, its interface says so (once per entry).
   */
  receiveRefusal(notice: Uint8Array): Promise<RelayRefusal | null>
}

export type { StateCheckOffThread }

/** Refused entries of this device already shown: several devices refuse the same entry. */
const SHOWN_REMEMBERED = 256

/**
 * `offThread`: where a large state is checked in one pass away from the page (the checking
 * worker, in browsers), so the page only settles the verdict and applies the update; without
 * it, or when the worker never started, the state is checked on the page as before.
 */
export const relayTrustOf = (
  channel: TrustChannel,
  setup: TrustSetup,
  workspaceId: WorkspaceId,
  offThread: StateCheckOffThread | null = defaultStateCheck()
): RelayTrust => {
  const shown = new Set<string>()
  const onThePage = async (signed: Uint8Array, origin: unknown, check: UpdateCheck): Promise<ReceivedState | null> => {
    const layout = decodeSignedChange(signed, MAX_SIGNED_STATE_BYTES)
    if (!layout.ok) return null
    const ranges = await check(layout.change.update)
    if (!ranges) return null
    return { ranges, outcome: await channel.receiveState(signed, origin) }
  }
  return {
    device: setup.device.keyId,
    sign: (update) => channel.signState(update),
    async receive(signed, origin, check) {
      if (!offThread || signed.length < CHECK_STATE_OFF_THREAD_FROM_BYTES) return onThePage(signed, origin, check)
      const received = await receiveStateOffThread(channel, signed, origin, offThread, () => mark('relay:checked'))
      if (received.kind === 'received') return { ranges: received.ranges, outcome: received.outcome }
      // A checker that never started says nothing about the state: it is checked here instead.
      return received.kind === 'could-not-check' ? onThePage(signed, origin, check) : null
    },
    legacy: () => setup.membership.view().anchor.kind === 'legacy',
    refusedUnsigned: () => channel.refusedUnsigned(),
    onMembershipChange: (listener) => setup.membership.subscribe(listener),
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

/**
 * The relay's trust gate for an artifact's document (docs/artifact-documents.md, "Wire"): a
 * trust channel of its own on that document, signing for its docKey and judging what arrives
 * by the workspace's membership, applied under RELAY; `destroy` ends the channel.
 */
export const relayDocumentTrust =
  (setup: TrustSetup, workspaceId: WorkspaceId) =>
  (key: ArtifactId, doc: Y.Doc): { trust: RelayTrust; destroy(): void } => {
    const channel = makeTrustChannel({ ...setup, doc, docKey: key, workspaceId, origin: RELAY, apply: (update, origin) => Y.applyUpdate(doc, update, origin) })
    return { trust: relayTrustOf(channel, setup, workspaceId), destroy: () => channel.destroy() }
  }
