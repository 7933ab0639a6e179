import { toHex } from '../domain/base64url'

const KEY = 'mutual-device-id'
let fallback: string | null = null

/**
 * A random id for this browser profile, shared by its tabs. Presence uses it to tell another
 * tab of this browser (same disk, so no safer) from another device. It identifies nothing
 * outside the workspace's encrypted room.
 */
export const readDeviceId = (): string => {
  const make = (): string => toHex(crypto.getRandomValues(new Uint8Array(16)))
  try {
    const stored = localStorage.getItem(KEY)
    if (stored && /^[0-9a-f]{32}$/.test(stored)) return stored
    const id = make()
    localStorage.setItem(KEY, id)
    return id
  } catch {
    // No localStorage (some private modes): one id for this page's life.
    fallback ??= make()
    return fallback
  }
}
