import { describe, expect, it } from 'vitest'
import { formatSafetyCode } from '../../../src/domain/trust/safety-code'
import { DEVICE_KEY_DB, loadOrCreateDeviceKeys } from '../../../src/storage/device-key-store'
import { isDeviceKeys, makeDeviceKeys, publicOf, safetyCodeOf } from '../../../src/sync/trust/device-keys'
import { deleteDatabase } from '../../../src/storage/idb-request'

describe('device keys', () => {
  it('makes private keys that cannot be read out', async () => {
    const keys = await makeDeviceKeys()
    expect(keys.signing.privateKey.extractable).toBe(false)
    expect(keys.wrapping.privateKey.extractable).toBe(false)
    await expect(crypto.subtle.exportKey('pkcs8', keys.signing.privateKey)).rejects.toThrow()
  })

  it('keeps one pair for the browser profile, across openings and tabs opening at once', async () => {
    await deleteDatabase(DEVICE_KEY_DB)
    let made = 0
    const make = () => {
      made++
      return makeDeviceKeys()
    }
    const [a, b] = await Promise.all([loadOrCreateDeviceKeys(isDeviceKeys, make), loadOrCreateDeviceKeys(isDeviceKeys, make)])
    const c = await loadOrCreateDeviceKeys(isDeviceKeys, make)
    const ids = await Promise.all([a, b, c].map(async (keys) => (await publicOf(keys)).keyId))
    expect(new Set(ids).size).toBe(1)
    expect(made).toBeGreaterThanOrEqual(1)
    // The stored private key still signs, and is still non-extractable after the round trip.
    expect(c.signing.privateKey.extractable).toBe(false)
    const signature = await crypto.subtle.sign('Ed25519', c.signing.privateKey, new Uint8Array([1, 2, 3]))
    expect(await crypto.subtle.verify('Ed25519', a.signing.publicKey, signature, new Uint8Array([1, 2, 3]))).toBe(true)
  })

  it('replaces a stored record that is not a pair of device keys', async () => {
    await deleteDatabase(DEVICE_KEY_DB)
    const notKeys = { signing: { publicKey: 'x', privateKey: 'y' } }
    const keys = await loadOrCreateDeviceKeys(isDeviceKeys, async () => notKeys as never).catch(() => null)
    expect(keys).toBe(notKeys)
    const real = await loadOrCreateDeviceKeys(isDeviceKeys, makeDeviceKeys)
    expect(isDeviceKeys(real)).toBe(true)
  })
})

describe('safety codes', () => {
  it('are the same for the same public keys wherever they are worked out, and differ for another device', async () => {
    const device = await publicOf(await makeDeviceKeys())
    // What another device works out from the public keys the member list carries.
    const elsewhere = await safetyCodeOf(new Uint8Array(device.signingKey), new Uint8Array(device.wrapKey))
    expect(elsewhere).toBe(device.safetyCode)
    expect(device.safetyCode).toMatch(/^\d{4} \d{4} \d{4}$/)
    expect((await publicOf(await makeDeviceKeys())).safetyCode).not.toBe(device.safetyCode)
  })

  it('reads the first 40 bits as twelve digits', () => {
    expect(formatSafetyCode(new Uint8Array([0, 0, 0, 0, 1]))).toBe('0000 0000 0001')
    expect(formatSafetyCode(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 9]))).toBe('0995 1162 7775')
  })
})

describe('safety codes, as docs/trust.md defines them', () => {
  it('follow the written recipe exactly, so every version of the app shows the same code for a key', async () => {
    const signing = new Uint8Array(32).map((_, i) => i)
    const wrapping = new Uint8Array(32).map((_, i) => 255 - i)
    // The recipe worked by another implementation of SHA-256: Node's own, not WebCrypto.
    const { createHash } = await import('node:crypto')
    const digest = createHash('sha256').update('mutual/v1/safety-code\n').update(signing).update(wrapping).digest()
    const first40Bits = digest.readUIntBE(0, 5)
    const expected = String(first40Bits % 10 ** 12).padStart(12, '0').replace(/^(\d{4})(\d{4})(\d{4})$/, '$1 $2 $3')
    expect(await safetyCodeOf(signing, wrapping)).toBe(expected)
    expect(await safetyCodeOf(signing, wrapping)).toBe(await safetyCodeOf(signing.slice(), wrapping.slice()))
  })

  it('differ when either public key differs by one bit', async () => {
    const signing = new Uint8Array(32).fill(7)
    const wrapping = new Uint8Array(32).fill(9)
    const code = await safetyCodeOf(signing, wrapping)
    const otherSigning = signing.slice()
    otherSigning[31] = 6
    const otherWrapping = wrapping.slice()
    otherWrapping[0] = 8
    expect(await safetyCodeOf(otherSigning, wrapping)).not.toBe(code)
    expect(await safetyCodeOf(signing, otherWrapping)).not.toBe(code)
  })
})
