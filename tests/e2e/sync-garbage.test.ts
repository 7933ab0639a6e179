/**
 * Issue 3: garbage that arrives where sync messages do — from another tab of the same browser
 * (BroadcastChannel), and from a connected device that holds the workspace key but sends
 * nonsense — must neither crash the app nor change the document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { deriveRoomName } from '../../src/sync/room-name'
import { readInvitePayload } from '../../src/sync/invite-link'
import { buildPageScript } from '../bench/support/page-script'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { workspaceIdOf } from './support/indexeddb-probes'
import {
  closePeers,
  editDetails,
  joinByLink,
  openPeer,
  readInviteLink,
  sameState,
  storedDoc,
  waitForSyncLabel,
  waitUntilSettled,
  type Peer
} from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'

const { server, peers: [a, b] } = useSyncedPeers(['A', 'B'])
/** A device that joins the room with garbage, opened part-way through. */
let rogue: Peer | undefined
let roomName = ''
let secret = ''
let workspaceId = ''
const warningsOnA: string[] = []

/** Seeded bytes, so a failure can be replayed. */
const garbage = (seed: number, length: number, firstByte?: number): number[] => {
  let x = seed
  const out = Array.from({ length }, () => {
    x = (x * 1664525 + 1013904223) >>> 0
    return x >>> 24
  })
  if (firstByte !== undefined) out[0] = firstByte
  return out
}

/** Messages shaped like y-webrtc's, with rubbish inside (type byte, then junk). */
const plausibleGarbage = (): number[][] => [
  garbage(1, 40),
  garbage(2, 300, 0), // "sync" with a junk step and payload
  [0, 2, 20, ...garbage(3, 20)], // "sync update" whose update is junk
  [0, 1, 5, 1, 200], // "sync step 2" whose update is cut short
  [1, 12, 1, 7, 3, 9, 123, 34, 117, 115, 101, 114, 34, 58], // awareness with broken JSON
  [4, 9, 3, 65, 66, 67], // tab announcement with an impossible flag
  [0xc0, ...garbage(4, 100)], // the start of a chunked message ...
  [0, 0, 1, 0] // ... interrupted by a whole one
]

beforeAll(() => {
  a.page.on('console', (message) => {
    if (message.type() === 'warning') warningsOnA.push(message.text())
  })
})

afterAll(async () => {
  await closePeers([rogue])
})

const stateOf = (page: Page) => storedDoc(page, workspaceId)
const warningsFrom = (source: string) => warningsOnA.filter((w) => w.startsWith('Mutual sync ignored') && w.endsWith(`from ${source}.`))
const waitForWarnings = async (source: string, count: number): Promise<void> => {
  await a.page.waitForFunction(() => true) // keep the page's console flowing
  const deadline = Date.now() + 60_000
  while (warningsFrom(source).length < count) {
    if (Date.now() > deadline) throw new Error(`Expected ${count} warnings from ${source}, saw: ${warningsOnA.join(' | ')}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('garbage in place of sync messages', () => {
  it('sets up A and B in one workspace', async () => {
    await setUpProfile(a.page, { name: 'Asha Patel', organisation: 'Oldham Council' })
    await createWorkspaceThroughUi(a.page, { name: 'Resilience lab', leadCouncil: 'Oldham Council' })
    workspaceId = workspaceIdOf(a.page)
    const link = await readInviteLink(a.page)
    const invite = await readInvitePayload(link.slice(link.indexOf('#/join/') + 7))
    if (!invite.ok) throw new Error('invitation unreadable')
    secret = invite.invite.secret
    roomName = await deriveRoomName(invite.invite.secret)
    await joinByLink(b, link, { name: 'Tom Hughes', organisation: 'Kirklees Council' })
    await b.page.getByRole('heading', { level: 1, name: 'Resilience lab' }).waitFor()
    await waitForSyncLabel(a.page, 'Connected to 1 peer')
  })

  it('from another tab: ignored, with the document and the app unharmed', async () => {
    await waitUntilSettled([a.page, b.page], workspaceId)
    const before = await stateOf(a.page)
    const tab = await a.context.newPage()
    const tabErrors: string[] = []
    tab.on('pageerror', (e) => tabErrors.push(e.message))
    await tab.goto(server.url)
    await tab.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor()
    const sent = await tab.evaluate(
      async ({ roomName, secret, plaintexts, raw }) => {
        const channel = new BroadcastChannel(roomName)
        // Not even bytes, or bytes that are not encrypted with the room key.
        channel.postMessage('a string')
        channel.postMessage({ type: 'object' })
        for (const bytes of raw) channel.postMessage(Uint8Array.from(bytes).buffer)
        // Encrypted with the right key, exactly as y-webrtc does, but nonsense inside.
        const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'PBKDF2', false, ['deriveKey'])
        const key = await crypto.subtle.deriveKey(
          { name: 'PBKDF2', salt: new TextEncoder().encode(roomName), iterations: 100_000, hash: 'SHA-256' },
          material,
          { name: 'AES-GCM', length: 256 },
          false,
          ['encrypt']
        )
        const varUint = (n: number): number[] => {
          const out: number[] = []
          while (n > 0x7f) {
            out.push(0x80 | (n & 0x7f))
            n >>>= 7
          }
          out.push(n)
          return out
        }
        for (const plain of plaintexts) {
          const iv = crypto.getRandomValues(new Uint8Array(12))
          const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, Uint8Array.from(plain)))
          const name = [...new TextEncoder().encode('AES-GCM')]
          const message = [...varUint(name.length), ...name, ...varUint(12), ...iv, ...varUint(cipher.length), ...cipher]
          channel.postMessage(Uint8Array.from(message).buffer)
        }
        channel.close()
        return 2 + raw.length + plaintexts.length
      },
      { roomName, secret, plaintexts: plausibleGarbage().slice(0, 6), raw: [garbage(7, 64), garbage(8, 3)] }
    )
    await waitForWarnings('another tab', sent)
    expect(tabErrors).toEqual([])
    expect(sameState(await stateOf(a.page), before)).toBe(true)
    // Still in sync with B afterwards.
    await editDetails(b.page, { description: 'Written after the garbage' })
    await a.page.locator('.overview-description').getByText('Written after the garbage').waitFor()
    await tab.close()
  })

  it('from a connected device with the key: ignored, with both documents and apps unharmed', async () => {
    rogue = await openPeer(server.url, 'rogue')
    // Through the DevTools protocol: the app's Content-Security-Policy refuses inline scripts.
    await rogue.page.evaluate(await buildPageScript('../../e2e/support/signalling-rogue-peer.ts', 'MutualRoguePeer'))
    await rogue.page.evaluate(
      ({ roomName, secret, url }) => (window as any).MutualRoguePeer.join(roomName, secret, url),
      { roomName, secret, url: server.signallingUrl }
    )
    await rogue.page.waitForFunction(() => (window as any).MutualRoguePeer.connectedPeers() === 2, undefined, { timeout: 60_000 })
    await waitForSyncLabel(a.page, 'Connected to 2 peers')
    await waitUntilSettled([a.page, b.page], workspaceId)
    const [beforeA, beforeB] = await Promise.all([stateOf(a.page), stateOf(b.page)])
    const messages = plausibleGarbage()
    await rogue.page.evaluate((list) => (window as any).MutualRoguePeer.sendRaw(list), messages)
    // Every message is refused except the start of the chunked one, dropped when interrupted.
    await waitForWarnings('a connected device', messages.length - 1)
    const [afterA, afterB] = await Promise.all([stateOf(a.page), stateOf(b.page)])
    expect(sameState(afterA, beforeA)).toBe(true)
    expect(sameState(afterB, beforeB)).toBe(true)
    await editDetails(a.page, { leadCouncil: 'Kirklees Council' })
    await b.page.locator('.overview-details').getByText('Kirklees Council').waitFor()
    expect(rogue.errors).toEqual([])
  })

  it('had no errors in A’s or B’s page', () => {
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })
})
