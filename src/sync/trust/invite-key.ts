import { fromBase64Url } from '../../domain/base64url'
import type { DeviceKeyId } from '../../domain/trust/membership-entry'
import type { InviteTrust } from '../../domain/trust/invite-trust'
import { SIGNING_ALGORITHM } from './device-keys'

/**
 * An invitation's own key pair. Unlike a device key it must leave the device, inside the link
 * (that is what proves a `join` came from someone the link was given to), so its private half
 * is made extractable, exported once as a JWK seed, and kept nowhere else.
 */
export const makeInviteKey = async (): Promise<{ x: DeviceKeyId; d: string }> => {
  const pair = (await crypto.subtle.generateKey(SIGNING_ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey)
  if (!jwk.x || !jwk.d) throw new Error('this browser did not export the invitation key')
  return { x: jwk.x as DeviceKeyId, d: jwk.d }
}

/** The private key from a link's trust part, to sign this device's join; null if it is not a key. */
export const importInviteKey = async (trust: Pick<InviteTrust, 'x' | 'd'>): Promise<CryptoKey | null> => {
  if (!fromBase64Url(trust.x) || !fromBase64Url(trust.d)) return null
  try {
    return await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: trust.x, d: trust.d }, SIGNING_ALGORITHM, false, ['sign'])
  } catch {
    return null
  }
}
