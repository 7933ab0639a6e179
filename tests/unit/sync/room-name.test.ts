import { describe, expect, it } from 'vitest'
import { fromBase64Url, toHex } from '../../../src/domain/base64url'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import { deriveFileWorkspaceHash, deriveRoomName, SIGNALLING_ROOM_LABEL } from '../../../src/sync/room-name'
import { RELAY_LABELS, deriveRelayKeys } from '../../../src/sync/relay/relay-keys'

const sha256Hex = async (text: string): Promise<string> =>
  toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))))

/** What anyone holding only the id could work out: every hash of the id the app has used. */
const guessesFromTheId = async (id: string): Promise<string[]> => [
  await sha256Hex(id),
  await sha256Hex('mutual:signalling-room:v1\n' + id),
  toHex(await deriveFileWorkspaceHash(id as never))
]

describe('signalling room names', () => {
  it('are stable for one workspace secret, so devices on this version meet', async () => {
    const secret = makeWorkspaceSecret()
    const room = await deriveRoomName(secret)
    expect(room).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await deriveRoomName(secret)).toBe(room)
  })

  it('differ between secrets', async () => {
    expect(await deriveRoomName(makeWorkspaceSecret())).not.toBe(await deriveRoomName(makeWorkspaceSecret()))
  })

  it('cannot be worked out from the id alone', async () => {
    const id = makeWorkspaceId()
    const room = toHex(fromBase64Url(await deriveRoomName(makeWorkspaceSecret()))!)
    expect(room).not.toContain(id)
    expect(await guessesFromTheId(id)).not.toContain(room)
  })

  it('are HKDF of the secret under their own label, unlike every relay value', async () => {
    const secret = makeWorkspaceSecret()
    const raw = fromBase64Url(secret)!
    const base = await crypto.subtle.importKey('raw', raw as BufferSource, 'HKDF', false, ['deriveBits'])
    const expected = new Uint8Array(
      await crypto.subtle.deriveBits(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode(SIGNALLING_ROOM_LABEL) },
        base,
        256
      )
    )
    const room = fromBase64Url(await deriveRoomName(secret))!
    expect(toHex(room)).toBe(toHex(expected))
    expect(Object.values(RELAY_LABELS)).not.toContain(SIGNALLING_ROOM_LABEL)
    const relay = await deriveRelayKeys(secret)
    expect([toHex(relay.token), toHex(relay.roomId)]).not.toContain(toHex(room))
  })
})

describe('the workspace hash in changes files', () => {
  it('differs from a plain SHA-256 of the id', async () => {
    const id = makeWorkspaceId()
    expect(toHex(await deriveFileWorkspaceHash(id))).not.toBe(await sha256Hex(id))
  })
})
