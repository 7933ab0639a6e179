import type { GateRefusal } from './change-gate'

/**
 * The reply a device sends back to the sender of a change it refused (docs/trust.md, "Signed
 * changes"), so the sender's interface can say so:
 *
 * ```
 * byte 0     notice version (1)
 * byte 1     reason: 1 not a member · 2 not allowed · 3 went back · 4 bad signature
 * bytes 2–5  the refused change's counter u32 (0 when the change could not be read)
 * ```
 * Unsigned: it only ever shows a message on the sender's own device, and changes nothing.
 */
const VERSION = 1
/** Reason codes on the wire: index + 1 (relay-refusal.ts uses the same). */
export const REFUSAL_REASONS: readonly GateRefusal[] = ['not-a-member', 'not-allowed', 'went-back', 'bad-signature']

export interface RefusalNotice {
  reason: GateRefusal
  counter: number
}

export const encodeRefusalNotice = (notice: RefusalNotice): Uint8Array => {
  const out = new Uint8Array(6)
  out[0] = VERSION
  out[1] = REFUSAL_REASONS.indexOf(notice.reason) + 1
  new DataView(out.buffer).setUint32(2, notice.counter)
  return out
}

/** Null for anything that is not exactly a notice of this version. */
export const decodeRefusalNotice = (bytes: unknown): RefusalNotice | null => {
  if (!(bytes instanceof Uint8Array) || bytes.length !== 6 || bytes[0] !== VERSION) return null
  const reason = REFUSAL_REASONS[(bytes[1] as number) - 1]
  if (!reason) return null
  return { reason, counter: new DataView(bytes.buffer, bytes.byteOffset, 6).getUint32(2) }
}
