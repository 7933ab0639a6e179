/**
 * The short code two people compare aloud to check a device's key (docs/trust.md, "Keys"):
 * the first 40 bits of a digest as 12 decimal digits in three groups of four. The digest is
 * made by sync/trust/device-keys.ts (safetyCodeOf); this only formats it, the same on every device.
 */
export const SAFETY_CODE_DIGITS = 12

export const formatSafetyCode = (digest: Uint8Array): string => {
  if (digest.length < 5) throw new RangeError('a safety code needs at least 5 bytes of digest')
  let value = 0
  for (let i = 0; i < 5; i++) value = value * 256 + (digest[i] as number)
  const digits = String(value % 10 ** SAFETY_CODE_DIGITS).padStart(SAFETY_CODE_DIGITS, '0')
  return `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8)}`
}
