import { fromBase64Url } from '../../domain/base64url'
import type { WorkspaceSecret } from '../../domain/ids'
import { sha256 } from '../digest'
import { hkdfBytes } from '../hkdf'

/**
 * The relay's keys, derived on the device from the workspace secret (docs/relay-protocol.md,
 * "Keys"): HKDF-SHA-256 over the secret's 32 raw bytes, an empty salt and one label per
 * purpose, so the token the relay sees can never open what it stores.
 */
export const RELAY_LABELS = {
  token: 'mutual/v1/relay/token',
  entries: 'mutual/v1/relay/entries'
} as const

export interface RelayKeys {
  /** Sent to the relay in HELLO; the relay keeps only its hash. */
  token: Uint8Array
  /** SHA-256(token): the room as the relay knows it, and part of every seal's AAD. */
  roomId: Uint8Array
  /** AES-GCM-256, sealing entries, snapshots and presence; never leaves the device. */
  entriesKey: CryptoKey
}

export const deriveRelayKeys = async (secret: WorkspaceSecret): Promise<RelayKeys> => {
  const raw = fromBase64Url(secret)
  if (!raw || raw.length !== 32) throw new Error('A workspace secret is 32 bytes')
  const token = await hkdfBytes(raw, RELAY_LABELS.token)
  const entryBytes = await hkdfBytes(raw, RELAY_LABELS.entries)
  const entriesKey = await crypto.subtle.importKey('raw', entryBytes as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt'])
  return { token, roomId: await sha256(token), entriesKey }
}
