import { describe, expect, it } from 'vitest'
import { toHex } from '../../../src/domain/base64url'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { deriveFileWorkspaceHash, deriveRoomName } from '../../../src/sync/room-name'

describe('room names', () => {
  it('are a stable hash of the workspace id that does not contain it', async () => {
    const id = makeWorkspaceId()
    const room = await deriveRoomName(id)
    expect(room).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await deriveRoomName(id)).toBe(room)
    expect(room).not.toContain(id)
    expect(await deriveRoomName(makeWorkspaceId())).not.toBe(room)
  })

  it('differ from the workspace hash in changes files, which differs from a plain SHA-256 of the id', async () => {
    const id = makeWorkspaceId()
    const fileHash = toHex(await deriveFileWorkspaceHash(id))
    const plain = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id))))
    const room = Buffer.from(await deriveRoomName(id), 'base64url').toString('hex')
    expect(new Set([fileHash, plain, room]).size).toBe(3)
  })
})
