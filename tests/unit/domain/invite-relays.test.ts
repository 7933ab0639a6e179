import { describe, expect, it } from 'vitest'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import type { Invite } from '../../../src/domain/invite'
import { makeInvitePayload, readInvitePayload } from '../../../src/sync/invite-link'

const invite = (signallingUrls: string[], relayUrls: string[]): Invite => ({
  workspaceId: makeWorkspaceId(),
  secret: makeWorkspaceSecret(),
  signallingUrls,
  relayUrls
})

describe('invitations and relays', () => {
  it('carry the relays, with or without signalling servers, and read back', async () => {
    for (const made of [
      invite(['wss://signal.lab.example'], ['wss://relay.lab.example', 'ws://127.0.0.1:5000/relay']),
      invite([], ['wss://relay.lab.example'])
    ]) {
      const payload = await makeInvitePayload(made)
      expect(payload.split('.')).toHaveLength(5)
      expect(await readInvitePayload(payload)).toEqual({ ok: true, invite: made })
    }
  })

  it('still open links made before relays existed (no relay part), with no relays', async () => {
    // As the previous release made it: `<id>.<secret>.<signalling>.<check>`, the check over the rest.
    const old =
      '0123456789abcdef0123456789abcdef.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8.WyJ3c3M6Ly9zaWduYWwubGFiLmV4YW1wbGUiXQ.2Aya1fXGDCpL'
    const read = await readInvitePayload(old)
    expect(read).toEqual({
      ok: true,
      invite: {
        workspaceId: '0123456789abcdef0123456789abcdef',
        secret: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8',
        signallingUrls: ['wss://signal.lab.example'],
        relayUrls: []
      }
    })
  })

  it('refuse a relay part that is empty, not a list of ws(s) addresses, or changed', async () => {
    const made = await makeInvitePayload(invite([], ['wss://relay.lab.example']))
    const [id, secret, , relays, check] = made.split('.')
    const https = Buffer.from(JSON.stringify(['https://relay.lab.example'])).toString('base64url')
    for (const payload of [`${id}.${secret}...${check}`, `${id}.${secret}..${https}.${check}`, `${id}.${secret}.${relays}..${check}`]) {
      expect((await readInvitePayload(payload)).ok, payload).toBe(false)
    }
  })
})
