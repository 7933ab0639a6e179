/** SHA-256 through WebCrypto (browsers and Node 20 both have it), as bytes. */
export const sha256 = async (input: string | Uint8Array): Promise<Uint8Array> => {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource))
}

/** Byte-wise equality that takes the same time wherever the first difference is. */
export const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false
  let difference = 0
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number)
  return difference === 0
}
