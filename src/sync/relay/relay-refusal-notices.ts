import type { DeviceKeyId } from '../../domain/trust/membership-entry'
import { isRelayRefusalReason, type RelayRefusal } from '../trust/relay-refusal'
import type { RelayTrust } from './relay-trust'

/**
 * Telling the signer of a refused relay entry (docs/trust.md, "Telling the signer of a refused
 * relay entry"). The relay has no way back to one device, so a device that refuses a signed
 * entry appends a small signed notice to the room, which only the signer's device acts on.
 * Bounded so that a flood of bad entries costs the room little:
 * - only refusals whose signature checked out (the signer is known; a forged author is not told);
 * - at most one notice per signer per session, and MAX_NOTICES_PER_SESSION in all;
 * - each waits a random delay first, and is not sent when another device's notice for the
 *   same entry arrived meanwhile (several devices refuse the same entry alike).
 */
export const MAX_NOTICES_PER_SESSION = 16
/** Entries others have already told about, remembered while waiting. */
const SEEN_REMEMBERED = 256

export interface RefusedEntry {
  sender: string
  counter: number
  author: DeviceKeyId
  reason: string
}

export interface RelayRefusalNotices {
  /** A signed entry or snapshot this device refused: whether a notice of it is on its way. */
  refused(entry: RefusedEntry): boolean
  /** Another device's notice arrived (checked): no need to send one for the same entry. */
  seen(refusal: RelayRefusal): void
  destroy(): void
}

export const makeRelayRefusalNotices = (options: {
  trust: RelayTrust
  delayMs: readonly [number, number]
  random: () => number
  /** Seals and appends the signed notice, if the connection is live (it is dropped otherwise). */
  append: (notice: Uint8Array) => void
}): RelayRefusalNotices => {
  const told = new Set<DeviceKeyId>()
  const seen = new Set<string>()
  const timers = new Set<ReturnType<typeof setTimeout>>()
  let destroyed = false
  const keyOf = (entry: { sender: string; counter: number }): string => `${entry.sender}:${entry.counter}`

  const send = async (entry: RefusedEntry & { reason: RelayRefusal['reason'] }): Promise<void> => {
    if (destroyed || seen.has(keyOf(entry))) return
    const notice = await options.trust.signRefusal({ reason: entry.reason, sender: entry.sender, counter: entry.counter, author: entry.author })
    if (!destroyed) options.append(notice)
  }

  return {
    refused(entry) {
      const { reason } = entry
      if (destroyed || !isRelayRefusalReason(reason) || entry.author === options.trust.device) return false
      if (told.has(entry.author) || told.size >= MAX_NOTICES_PER_SESSION) return false
      told.add(entry.author)
      const [least, most] = options.delayMs
      const timer = setTimeout(() => {
        timers.delete(timer)
        send({ ...entry, reason }).catch(() => {})
      }, least + options.random() * (most - least))
      timers.add(timer)
      return true
    },
    seen(refusal) {
      seen.add(keyOf(refusal))
      if (seen.size > SEEN_REMEMBERED) seen.delete(seen.values().next().value as string)
    },
    destroy() {
      destroyed = true
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    }
  }
}
