import { fromBase64Url } from '../../domain/base64url'
import type { WorkspaceSecret } from '../../domain/ids'
import { hkdfBytes } from '../hkdf'
import { deriveRelayKeys } from './relay-keys'

/**
 * The keys for attachments through the relay (docs/relay-protocol.md, "Keys" and "Files"),
 * derived on the device from the workspace secret with labels of their own:
 * - `mutual/v1/relay/file-ids`: HMAC-SHA-256 key making a file's opaque id (and its IV) from its
 *   content hash, so the relay never sees the hash and cannot link a file to its content;
 * - `mutual/v1/relay/files`: AES-GCM-256 key sealing the file's bytes.
 */
export const RELAY_FILE_LABELS = { ids: 'mutual/v1/relay/file-ids', files: 'mutual/v1/relay/files' } as const

export interface RelayFileKeys {
  token: Uint8Array
  roomId: Uint8Array
  idKey: CryptoKey
  sealKey: CryptoKey
}

export const deriveRelayFileKeys = async (secret: WorkspaceSecret): Promise<RelayFileKeys> => {
  const raw = fromBase64Url(secret)
  if (!raw || raw.length !== 32) throw new Error('A workspace secret is 32 bytes')
  const { token, roomId } = await deriveRelayKeys(secret)
  const idKey = await crypto.subtle.importKey('raw', (await hkdfBytes(raw, RELAY_FILE_LABELS.ids)) as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const sealKey = await crypto.subtle.importKey('raw', (await hkdfBytes(raw, RELAY_FILE_LABELS.files)) as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt'])
  return { token, roomId, idKey, sealKey }
}
