/**
 * base64url without padding (RFC 4648 §5): the alphabet that survives URLs, file names and
 * QR codes unchanged. Decoding is strict, so a mangled value is refused rather than misread.
 */
export const toBase64Url = (bytes: Uint8Array): string => {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Null for anything that is not canonical base64url (wrong alphabet, impossible length, stray bits). */
export const fromBase64Url = (text: string): Uint8Array | null => {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null
  let binary: string
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  } catch {
    return null
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
  // atob ignores the unused low bits of the last character; a canonical value has them zero.
  return toBase64Url(bytes) === text ? bytes : null
}

export const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
