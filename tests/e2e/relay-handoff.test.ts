/**
 * Issue 8: work reaches colleagues who are never online at the same time, through the relay next
 * to the app. Each person is a separate Chromium process; the two are never open together, so
 * WebRTC cannot carry anything. A workspace set to peer-to-peer only sends nothing to a relay.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { collectPageErrors, createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { launchPersistentBrowser } from './support/chromium'
import { createNoteThroughUi, noteText } from './support/editor-driver'
import { workspaceIdOf } from './support/indexeddb-probes'
import { startRelayedAppServer, type RelayedAppServer } from './support/relay'
import { editDetails, fillProfile, readInviteLink, waitForSyncLabel } from './support/signalling-peers'

let server: RelayedAppServer
const profiles: string[] = []
beforeAll(async () => {
  server = await startRelayedAppServer()
})
afterAll(async () => {
  await server?.close()
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true })
})

/** A device whose browser can be closed and opened again with what it stored. */
const device = (): { open(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> } => {
  const dir = mkdtempSync(join(tmpdir(), 'mutual-e2e-device-'))
  profiles.push(dir)
  return {
    async open() {
      const context = await launchPersistentBrowser(dir)
      const page = context.pages()[0] ?? (await context.newPage())
      return { context, page, errors: collectPageErrors(page) }
    }
  }
}

const RELAY_HOLDS = /Relay holds your changes/

describe('the relay', () => {
  it('hands work between two people who are never online at the same time, both ways', async () => {
    const ashaDevice = device()
    const benDevice = device()

    // Asha works alone and closes her browser.
    const asha = await ashaDevice.open()
    await asha.page.goto(server.url)
    await setUpProfile(asha.page, { name: 'Asha Patel', organisation: 'Oldham Council' })
    await createWorkspaceThroughUi(asha.page, { name: 'Relay lab', leadCouncil: 'Oldham Council' })
    const id = workspaceIdOf(asha.page)
    await createNoteThroughUi(asha.page, 'Site visit', 'Visit to the food hub')
    await noteText(asha.page).click()
    await asha.page.keyboard.type('Cold storage is the bottleneck.')
    await waitForSyncLabel(asha.page, RELAY_HOLDS)
    await expectNoAxeViolations(asha.page, 'workspace with the relay holding its changes')
    const link = await readInviteLink(asha.page)
    await asha.context.close()

    // Ben joins later, with nobody else online: everything comes from the relay.
    const ben = await benDevice.open()
    await ben.page.goto(link)
    await fillProfile(ben.page, { name: 'Ben Okafor', organisation: 'Preston City Council' })
    await ben.page.getByRole('button', { name: 'Join workspace' }).click()
    await ben.page.getByRole('heading', { level: 1, name: 'Relay lab' }).waitFor()
    await ben.page.getByRole('link', { name: /Visit to the food hub/ }).click()
    await noteText(ben.page).getByText('Cold storage is the bottleneck.').waitFor()
    await ben.page.goto(`${server.url}#/w/${id}`)
    await editDetails(ben.page, { description: 'Written while Asha was away.' })
    await waitForSyncLabel(ben.page, RELAY_HOLDS)
    await ben.context.close()

    // Asha opens her browser again: Ben's edit is there.
    const again = await ashaDevice.open()
    await again.page.goto(`${server.url}#/w/${id}`)
    await again.page.getByText('Written while Asha was away.').waitFor()
    await again.context.close()
  })

  it('sends nothing to a relay once a workspace is peer-to-peer only, and says so', async () => {
    const asha = await device().open()
    await asha.page.goto(server.url)
    await setUpProfile(asha.page, { name: 'Asha Patel', organisation: 'Oldham Council' })
    await createWorkspaceThroughUi(asha.page, { name: 'Private lab', leadCouncil: 'Oldham Council' })
    await asha.page.getByRole('button', { name: /^Sync / }).click()
    const dialog = asha.page.getByRole('dialog', { name: 'Sync' })
    await dialog.locator('summary', { hasText: 'Connection settings' }).click()
    await dialog.getByRole('radio', { name: 'Peer-to-peer only (no relay)' }).check()
    await dialog.getByText('Your work reaches others only while their device and yours are both online.').waitFor()
    await expectNoAxeViolations(asha.page, 'connection settings, peer-to-peer only')
    await dialog.getByRole('button', { name: 'Save connection settings' }).click()
    await dialog.getByRole('status').filter({ hasText: 'Connection settings saved' }).waitFor()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await waitForSyncLabel(asha.page, 'Peer-to-peer only')
    await asha.context.close()
  })
})
