/**
 * Issue 8, workshops: presence travels through the relay when no direct connection is possible,
 * and the relay never stores it. Asha (the facilitator) and Tom are separate Chromium processes
 * on the loopback app server with signalling and the relay; both turn the app's signalling off,
 * so neither can find the other peer to peer and nothing can travel over WebRTC. Each sees the
 * other in "who is here" on the board, "Bring everyone here" takes Tom to Asha's board, and Tom
 * sees the timer Asha starts running. Afterwards every sealed blob in the relay's database is
 * opened with the workspace's keys: each is a change or a compacted state, none is presence.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { WorkspaceSecret } from '../../src/domain/ids'
import { decodeEnvelope } from '../../src/sync/relay/relay-envelope'
import { deriveRelayKeys } from '../../src/sync/relay/relay-keys'
import { openSealed } from '../../src/sync/relay/relay-seal'
import { startLab } from './support/app-driver'
import { useRelayedAppServer } from './support/app-with-devices'
import { expectNoAxeViolations } from './support/axe'
import { createBoardThroughUi, openFacilitatorTools, timerSeconds } from './support/board-driver'
import { joinThroughInvite } from './support/relay-bed'
import { relayStoredBlobs } from './support/relay-database'
import { turnOffSignalling, waitUntilRelayHolds } from './support/relay-devices'
import { readInviteLink, syncLabel } from './support/signalling-peers'

const LAB = 'Warm homes workshop lab'
const BOARD = 'Warm homes ideas'
const ASHA = { name: 'Asha Patel', organisation: 'Oldham Council' }
const TOM = { name: 'Tom Hughes', organisation: 'Kirklees Council' }

// The relay's PGlite folder is this test's, so it can be read once the server has stopped.
const relayDataDir = mkdtempSync(join(tmpdir(), 'mutual-e2e-relay-presence-'))
// Registered first, so it runs last: after the server (registered next) has stopped.
afterAll(() => rmSync(relayDataDir, { recursive: true, force: true }))
const app = useRelayedAppServer({ dataDir: relayDataDir })

/** What each sealed blob the relay stored turns out to be, opened with the workspace's keys. */
const whatTheRelayStored = async (secret: string): Promise<string[]> => {
  const keys = await deriveRelayKeys(secret as WorkspaceSecret)
  const blobs = await relayStoredBlobs({ kind: 'pglite', dataDir: relayDataDir })
  return Promise.all(
    blobs.map(async (sealed) => {
      if (await openSealed(keys, 'presence', sealed)) return 'presence'
      const plain = (await openSealed(keys, 'entry', sealed)) ?? (await openSealed(keys, 'snapshot', sealed))
      if (!plain) return 'unreadable'
      // Entries leave signed (envelope version 2): read them as a device with the trust gate does.
      const decoded = decodeEnvelope(plain, true)
      return decoded.ok ? decoded.envelope.kind : 'unreadable'
    })
  )
}

describe('presence through the relay', () => {
  it('shows who is here, brings everyone to the board and runs the timer with no direct connection, and stores none of it', async () => {
    const asha = await app.device().open()
    await startLab(asha.page, app.server.url, ASHA, LAB)
    await turnOffSignalling(asha.page)
    await createBoardThroughUi(asha.page, BOARD, { columns: ['Ideas'] })
    await waitUntilRelayHolds(asha.page)
    const link = await readInviteLink(asha.page)
    const secret = /#\/join\/[0-9a-f]{32}\.([A-Za-z0-9_-]{43})/.exec(link)?.[1]
    if (!secret) throw new Error(`No secret in the invitation ${link}`)

    const tom = await app.device().open()
    await joinThroughInvite(tom.page, link, TOM, LAB)
    await turnOffSignalling(tom.page)

    // Who is here: Asha's facilitator tools list Tom, elsewhere in the workspace; Tom's
    // "Here now" lists Asha, on the board.
    await openFacilitatorTools(asha.page)
    const tools = asha.page.getByRole('region', { name: 'Facilitator tools' })
    await tools.locator('summary', { hasText: 'Who is here' }).click()
    const tomInTools = tools.getByRole('listitem').filter({ hasText: TOM.name })
    await tomInTools.getByText('— elsewhere').waitFor()
    const tomSeesHere = tom.page.getByRole('region', { name: 'Here now' }).getByRole('listitem').filter({ hasText: ASHA.name })
    await tomSeesHere.getByText(`Viewing “${BOARD}”`).waitFor()

    // Bring everyone here: Tom is taken to the board.
    await tools.getByRole('button', { name: 'Bring everyone here' }).click()
    await tools.getByRole('status').filter({ hasText: 'Asked 1 person to come to this board.' }).waitFor()
    await tom.page.getByRole('heading', { level: 1, name: BOARD }).waitFor()
    await tom.page.getByRole('status').filter({ hasText: `${ASHA.name} brought everyone to this workshop board.` }).waitFor()
    await tomInTools.getByText('— on this board').waitFor()
    await asha.page.getByText('2 people on this board').waitFor()
    await tom.page.getByText('2 people on this board').waitFor()
    await expectNoAxeViolations(asha.page, 'facilitator tools, with presence through the relay')

    // The timer: Asha starts it; Tom's timer says it is running, and counts down.
    await asha.page.getByLabel('Length').selectOption('10')
    await asha.page.getByRole('button', { name: 'Reset' }).click()
    await expect.poll(() => timerSeconds(tom.page)).toBe(600)
    await asha.page.getByRole('button', { name: 'Start', exact: true }).click()
    await tom.page.getByRole('region', { name: 'Timer', exact: true }).getByText('Running', { exact: true }).waitFor()
    await expect.poll(() => timerSeconds(tom.page)).toBeLessThan(600)
    await expectNoAxeViolations(tom.page, 'a participant’s board, with presence through the relay')

    // Nothing went peer to peer: neither device ever had a peer.
    await Promise.all([waitUntilRelayHolds(asha.page), waitUntilRelayHolds(tom.page)])
    for (const page of [asha.page, tom.page]) expect(await syncLabel(page).textContent()).not.toMatch(/peer/i)
    expect([...asha.errors, ...tom.errors]).toEqual([])
    await asha.context.close()
    await tom.context.close()

    // PGlite's files are complete once the relay has stopped.
    await app.stopServer()
    const stored = await whatTheRelayStored(secret)
    // The board and the timer are there as changes, so the blobs were opened with the right keys.
    expect(stored).toContain('update')
    expect(stored.filter((kind) => kind !== 'update' && kind !== 'compacted')).toEqual([])
  }, 600_000)
})
