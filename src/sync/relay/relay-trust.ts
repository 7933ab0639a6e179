import type { StateOutcome } from '../trust/state-outcome'
import type { TrustChannel } from '../trust/trust-channel'

/**
 * The trust gate as the relay sees it (docs/trust.md, "Relay entries"): what this device
 * appends leaves as a state it signed, and what the relay delivers is judged like a WebRTC
 * peer's state before anything reaches the document. Absent, the relay works as before signing.
 */
export interface RelayTrust {
  /** This device's state, or the part the relay lacks, signed (TrustChannel.signState). */
  sign(update: Uint8Array): Promise<Uint8Array>
  /** A signed state the relay delivered: applied under `origin` only as far as its signer may write. */
  receive(signed: Uint8Array, origin: unknown): Promise<StateOutcome>
}

export const relayTrustOf = (channel: TrustChannel): RelayTrust => ({
  sign: (update) => channel.signState(update),
  receive: (signed, origin) => channel.receiveState(signed, origin)
})
