/**
 * HKDF-SHA-256 over a secret's raw bytes, an empty salt and one `info` label per purpose
 * (docs/relay-protocol.md, "Keys"): each purpose gets its own 32 bytes, so no derived value
 * can stand in for another or lead back to the secret.
 */
export const hkdfBytes = async (secret: Uint8Array, label: string): Promise<Uint8Array> => {
  const base = await crypto.subtle.importKey('raw', secret as BufferSource, 'HKDF', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode(label) },
    base,
    256
  )
  return new Uint8Array(bits)
}
