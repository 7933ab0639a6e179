import { loadOrCreateDeviceKeys } from '../storage/device-key-store'
import { isDeviceKeys, makeDeviceKeys, type DeviceKeys } from '../sync/trust/device-keys'

/**
 * This browser profile's device keys (docs/trust.md, "Keys"), read or made once per page: every
 * workspace shares them. Signed sync waits for them before it connects, so they are read as soon
 * as the app starts (readDeviceKeysAhead): a person clicking "Join workspace" then waits for
 * neither IndexedDB nor WebCrypto.
 */
let reading: Promise<DeviceKeys> | null = null

export const profileDeviceKeys = (): Promise<DeviceKeys> => {
  reading ??= loadOrCreateDeviceKeys(isDeviceKeys, makeDeviceKeys).catch((error: unknown) => {
    // A failure (storage blocked for a moment) is not kept: the next open tries again.
    reading = null
    throw error
  })
  return reading
}

export const readDeviceKeysAhead = (): void => {
  void profileDeviceKeys().catch(() => undefined)
}
