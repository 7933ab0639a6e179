import { describe, expect, it } from 'vitest'
import { makeWorkspaceId } from '../../../src/domain/ids'
import type { EntryId } from '../../../src/domain/trust/membership-entry'
import { signChange, verifyChange } from '../../../src/sync/trust/change-signing'
import { makeDeviceKeys, publicOf } from '../../../src/sync/trust/device-keys'
import { decodeSignedChange, MAX_SIGNED_UPDATE_BYTES } from '../../../src/sync/trust/signed-change'
import { device } from './membership-fixtures'

const workspaceId = makeWorkspaceId()

const signed = async (heads: EntryId[] = [device('h1') as unknown as EntryId]) => {
  const keys = await makeDeviceKeys()
  const author = (await publicOf(keys)).keyId
  const change = { author, counter: 7, heads, update: new Uint8Array([1, 2, 3, 4]) }
  return { keys, change, bytes: await signChange(workspaceId, keys.signing.privateKey, change) }
}

describe('signed changes', () => {
  it('come back exactly as signed', async () => {
    const { change, bytes } = await signed()
    expect(await verifyChange(workspaceId, bytes)).toEqual({ ok: true, change })
  })

  it('are refused when any byte was altered, or when they were signed for another workspace', async () => {
    const { bytes } = await signed()
    for (const at of [1, 34, 40, bytes.length - 70, bytes.length - 1]) {
      const altered = bytes.slice()
      altered[at]! ^= 1
      expect((await verifyChange(workspaceId, altered)).ok, `byte ${at}`).toBe(false)
    }
    expect(await verifyChange(makeWorkspaceId(), bytes)).toEqual({ ok: false, problem: 'bad-signature' })
  })

  it('are refused when they claim another author (forged authorship)', async () => {
    const { bytes } = await signed()
    const other = await publicOf(await makeDeviceKeys())
    const forged = bytes.slice()
    forged.set(other.signingKey, 1)
    expect(await verifyChange(workspaceId, forged)).toEqual({ ok: false, problem: 'bad-signature' })
  })

  it('read garbage as a problem, within bounds', () => {
    expect(decodeSignedChange(new Uint8Array(10))).toEqual({ ok: false, problem: 'too-short' })
    const huge = new Uint8Array(200)
    huge[0] = 1
    huge[37] = 0
    new DataView(huge.buffer).setUint32(38, MAX_SIGNED_UPDATE_BYTES + 1)
    expect(decodeSignedChange(huge)).toEqual({ ok: false, problem: 'too-large' })
    huge[37] = 17
    expect(decodeSignedChange(huge)).toEqual({ ok: false, problem: 'bad-heads' })
    huge[0] = 2
    expect(decodeSignedChange(huge)).toEqual({ ok: false, problem: 'newer-version' })
  })
})
