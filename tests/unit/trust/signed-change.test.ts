import { describe, expect, it } from 'vitest'
import { makeArtifactId, makeWorkspaceId } from '../../../src/domain/ids'
import { inContext } from '../../../src/sync/trust/signing-context'
import type { EntryId } from '../../../src/domain/trust/membership-entry'
import { signChange, verifyChange } from '../../../src/sync/trust/change-signing'
import { makeDeviceKeys, publicOf, SIGNING_ALGORITHM } from '../../../src/sync/trust/device-keys'
import { appendSignature, decodeSignedChange, encodeChangeBody, MAX_SIGNED_STATE_BYTES, MAX_SIGNED_UPDATE_BYTES } from '../../../src/sync/trust/signed-change'
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

  it('name the document they are for: a change signed for one artifact document is refused for another, and for the workspace document', async () => {
    const keys = await makeDeviceKeys()
    const author = (await publicOf(keys)).keyId
    const change = { author, counter: 1, heads: [], update: new Uint8Array([1, 2, 3]) }
    const artifactA = makeArtifactId()
    const artifactB = makeArtifactId()
    const forA = await signChange(workspaceId, keys.signing.privateKey, change, MAX_SIGNED_STATE_BYTES, artifactA)
    expect(await verifyChange(workspaceId, forA, MAX_SIGNED_STATE_BYTES, artifactA)).toEqual({ ok: true, change })
    expect(await verifyChange(workspaceId, forA, MAX_SIGNED_STATE_BYTES, artifactB)).toEqual({ ok: false, problem: 'bad-signature' })
    expect(await verifyChange(workspaceId, forA, MAX_SIGNED_STATE_BYTES)).toEqual({ ok: false, problem: 'bad-signature' })
    const forRoot = await signChange(workspaceId, keys.signing.privateKey, change)
    expect(await verifyChange(workspaceId, forRoot, undefined, artifactA)).toEqual({ ok: false, problem: 'bad-signature' })
    expect(await verifyChange(workspaceId, forRoot, undefined, '')).toEqual({ ok: true, change })
  })

  it('for the workspace document are signed over exactly the bytes they were before documents were split, so older signatures still check', async () => {
    const keys = await makeDeviceKeys()
    const change = { author: (await publicOf(keys)).keyId, counter: 3, heads: [], update: new Uint8Array([9, 8, 7]) }
    // What a device signed before the split: the label, the workspace id, the body; nothing else.
    const body = encodeChangeBody(change)
    const before = new TextEncoder().encode('mutual/v1/change\n')
    const signature = new Uint8Array(await crypto.subtle.sign(SIGNING_ALGORITHM, keys.signing.privateKey, inContext(before, workspaceId, body) as BufferSource))
    expect(await verifyChange(workspaceId, appendSignature(body, signature))).toEqual({ ok: true, change })
  })
})
