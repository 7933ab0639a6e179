import { describe, expect, it } from 'vitest'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import type { Invite } from '../../../src/domain/invite'
import type { EntryId } from '../../../src/domain/trust/membership-entry'
import { encodeInviteTrust } from '../../../src/domain/trust/invite-trust'
import { makeInvitePayload, readInvitePayload } from '../../../src/sync/invite-link'
import { importInviteKey, makeInviteKey } from '../../../src/sync/trust/invite-key'
import { SIGNING_ALGORITHM } from '../../../src/sync/trust/device-keys'

const claimId = 'A'.repeat(43) as EntryId

const invite = async (signallingUrls: string[], relayUrls: string[], role: 'viewer' | 'editor' = 'viewer'): Promise<Invite> => ({
  workspaceId: makeWorkspaceId(),
  secret: makeWorkspaceSecret(),
  signallingUrls,
  relayUrls,
  trust: { role, invite: 'B'.repeat(43) as EntryId, ...(await makeInviteKey()), anchor: { kind: 'claims', ids: [claimId] } }
})

describe('invitations that name a role', () => {
  it('carry the role, the invitation key and the anchor, with or without servers, and read back', async () => {
    for (const made of [await invite([], []), await invite(['wss://signal.lab.example'], []), await invite([], ['wss://relay.lab.example'], 'editor')]) {
      const payload = await makeInvitePayload(made)
      expect(payload.split('.')).toHaveLength(6)
      expect(await readInvitePayload(payload)).toEqual({ ok: true, invite: made })
    }
  })

  it('say a link whose role was changed on the way was altered', async () => {
    const made = await invite([], [])
    const payload = await makeInvitePayload(made)
    const parts = payload.split('.')
    parts[4] = encodeInviteTrust({ ...made.trust!, role: 'owner' })
    expect(await readInvitePayload(parts.join('.'))).toEqual({ ok: false, problem: 'altered' })
    parts[4] = 'bm90IGpzb24'
    expect(await readInvitePayload(parts.join('.'))).toEqual({ ok: false, problem: 'altered' })
  })

  it('hand the joining device a key that signs as the invitation', async () => {
    const made = await invite([], [])
    const key = await importInviteKey(made.trust!)
    expect(key).not.toBeNull()
    const signature = await crypto.subtle.sign(SIGNING_ALGORITHM, key!, new Uint8Array([7]))
    const publicKey = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: made.trust!.x }, SIGNING_ALGORITHM, false, ['verify'])
    expect(await crypto.subtle.verify(SIGNING_ALGORITHM, publicKey, signature, new Uint8Array([7]))).toBe(true)
  })
})
