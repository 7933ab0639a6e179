import { describe, expect, it } from 'vitest'
import { makeWorkspaceSecret, WorkspaceSecretSchema } from '../../../../src/domain/ids'
import { toHex } from '../../../../src/domain/base64url'
import { sha256 } from '../../../../src/sync/digest'
import { deriveRelayKeys } from '../../../../src/sync/relay/relay-keys'
import { openSealed, seal } from '../../../../src/sync/relay/relay-seal'

const plain = new TextEncoder().encode('a change to the lab report')

describe('relay keys', () => {
  it('are the same for one secret, differ between secrets, and the room id is the hash of the token', async () => {
    const secret = makeWorkspaceSecret()
    const a = await deriveRelayKeys(secret)
    const b = await deriveRelayKeys(secret)
    const other = await deriveRelayKeys(makeWorkspaceSecret())
    expect(a.token).toHaveLength(32)
    expect(toHex(a.token)).toBe(toHex(b.token))
    expect(toHex(a.token)).not.toBe(toHex(other.token))
    expect(toHex(a.roomId)).toBe(toHex(await sha256(a.token)))
  })

  it('derive from every secret a workspace may have: one whose last character holds bits beyond 32 bytes is not a secret', async () => {
    // 43 base64url characters carry 258 bits; the last two must be zero for exactly 32 bytes.
    // A secret that is not exactly 32 bytes once decoded would leave the relay silently off.
    for (const last of ['B', 'D', 'f', '_']) expect(WorkspaceSecretSchema.safeParse(`${'A'.repeat(42)}${last}`).success).toBe(false)
    for (const last of ['A', 'E', 'w', '8']) {
      const secret = WorkspaceSecretSchema.parse(`${'A'.repeat(42)}${last}`)
      expect((await deriveRelayKeys(secret)).token).toHaveLength(32)
    }
  })

  it('match HKDF-SHA-256 with an empty salt and the label as info (a fixed vector)', async () => {
    // Secret of 32 zero bytes; expected value computed independently with Node's crypto.hkdfSync.
    const { hkdfSync } = await import('node:crypto')
    const zero = 'A'.repeat(43) as Parameters<typeof deriveRelayKeys>[0]
    const keys = await deriveRelayKeys(zero)
    const expected = new Uint8Array(hkdfSync('sha256', new Uint8Array(32), new Uint8Array(0), 'mutual/v1/relay/token', 32))
    expect(toHex(keys.token)).toBe(toHex(expected))
  })
})

describe('sealing', () => {
  it('opens what it sealed for the same room and purpose', async () => {
    const keys = await deriveRelayKeys(makeWorkspaceSecret())
    const sealed = await seal(keys, 'entry', plain)
    expect(sealed[0]).toBe(1)
    expect(sealed.length).toBe(1 + 12 + plain.length + 16)
    expect(await openSealed(keys, 'entry', sealed)).toEqual(plain)
  })

  it('refuses a blob from another room, for another purpose, or with any byte changed', async () => {
    const keys = await deriveRelayKeys(makeWorkspaceSecret())
    const otherRoom = await deriveRelayKeys(makeWorkspaceSecret())
    const sealed = await seal(keys, 'entry', plain)
    expect(await openSealed(otherRoom, 'entry', sealed)).toBeNull()
    expect(await openSealed(keys, 'snapshot', sealed)).toBeNull()
    expect(await openSealed(keys, 'presence', sealed)).toBeNull()
    // Same key, other room id: the AAD alone must refuse it.
    expect(await openSealed({ ...keys, roomId: otherRoom.roomId }, 'entry', sealed)).toBeNull()
    for (const at of [0, 1, 13, sealed.length - 1]) {
      const tampered = sealed.slice()
      tampered[at] = (tampered[at] as number) ^ 1
      expect(await openSealed(keys, 'entry', tampered)).toBeNull()
    }
    expect(await openSealed(keys, 'entry', sealed.subarray(0, 20))).toBeNull()
  })
})
