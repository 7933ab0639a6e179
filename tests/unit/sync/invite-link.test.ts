import { describe, expect, it } from 'vitest'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import { INVITE_CHECK_LENGTH, type Invite } from '../../../src/domain/invite'
import { makeInviteLink, makeInvitePayload, readInvitePayload } from '../../../src/sync/invite-link'
import { parseRoute } from '../../../src/ui/router'

const invite = (signallingUrls: string[] = []): Invite => ({
  workspaceId: makeWorkspaceId(),
  secret: makeWorkspaceSecret(),
  signallingUrls,
  relayUrls: []
})

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

describe('invitation links', () => {
  it('carry the workspace id, secret and signalling servers in the fragment only, and read back', async () => {
    const withServers = invite(['wss://signal.lab.example/room', 'ws://127.0.0.1:4444'])
    const link = await makeInviteLink('http://127.0.0.1:4173/app/?from=x#/w/abc', withServers)
    const url = new URL(link)
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:4173/app/')
    expect(url.search).toBe('')
    // Nothing of the invitation is in the part of the address a server would see.
    expect(link.slice(0, link.indexOf('#'))).not.toContain(withServers.workspaceId)
    const route = parseRoute(url.hash)
    expect(route.name).toBe('join')
    const payload = route.name === 'join' ? route.payload : ''
    expect(await readInvitePayload(payload)).toEqual({ ok: true, invite: withServers })

    const plain = invite()
    const plainPayload = await makeInvitePayload(plain)
    expect(plainPayload.split('.')).toHaveLength(3)
    expect(await readInvitePayload(plainPayload)).toEqual({ ok: true, invite: plain })
  })

  it('refuse every single-character change to a link', async () => {
    const payload = await makeInvitePayload(invite(['wss://signal.lab.example']))
    for (let i = 0; i < payload.length; i++) {
      const original = payload[i] as string
      const alphabet = original === '.' ? BASE64URL : /[0-9a-f]/.test(original) && i < 32 ? '0123456789abcdef' : BASE64URL
      const replacement = alphabet[(alphabet.indexOf(original) + 1 + (i % 7)) % alphabet.length] as string
      const tampered = payload.slice(0, i) + replacement + payload.slice(i + 1)
      const read = await readInvitePayload(tampered)
      expect(read.ok, `change at ${i}: ${tampered}`).toBe(false)
    }
  })

  it('refuse a link cut short anywhere, and say that it is incomplete when the end is missing', async () => {
    const payload = await makeInvitePayload(invite(['wss://signal.lab.example']))
    for (let length = 0; length < payload.length; length++) {
      const read = await readInvitePayload(payload.slice(0, length))
      expect(read.ok, `cut at ${length}`).toBe(false)
    }
    const missingEnd = await readInvitePayload(payload.slice(0, payload.length - 3))
    expect(missingEnd).toEqual({ ok: false, problem: 'incomplete' })
    const idOnly = await readInvitePayload(payload.slice(0, 20))
    expect(idOnly).toEqual({ ok: false, problem: 'incomplete' })
  })

  it('refuse things that are not invitations, and signalling addresses that are not ws(s)', async () => {
    expect(await readInvitePayload('')).toEqual({ ok: false, problem: 'not-an-invite' })
    expect(await readInvitePayload('hello-world')).toEqual({ ok: false, problem: 'not-an-invite' })
    expect((await readInvitePayload('%E0%A4%A')).ok).toBe(false)
    const bad = invite()
    const signed = `${bad.workspaceId}.${bad.secret}.${Buffer.from(JSON.stringify(['javascript:alert(1)'])).toString('base64url')}`
    expect(await readInvitePayload(`${signed}.${'A'.repeat(INVITE_CHECK_LENGTH)}`)).toEqual({ ok: false, problem: 'altered' })
  })

  it('cannot tell a wrong secret from a right one when the whole link was made with it', async () => {
    // The limit of any check inside a link: whoever makes a link can make it consistent.
    // Such a device simply never gets in (tests/e2e/sync-three-peers.test.ts).
    const real = invite()
    const forged = { ...real, secret: makeWorkspaceSecret() }
    expect(await readInvitePayload(await makeInvitePayload(forged))).toEqual({ ok: true, invite: forged })
  })
})
