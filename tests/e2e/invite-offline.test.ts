/**
 * "Invite people" offline, on a page the browser has not kept for offline use yet (a first
 * visit, then the train): the QR encoder, loaded only when someone invites, cannot be fetched.
 * The dialog once waited for it before showing anything, and stayed on "Making the link…". The
 * link comes first now; the code is drawn when it can be, and is simply left out when it cannot.
 */
import { expect, it } from 'vitest'
import { startLab } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { ASHA } from './support/editor-driver'
import { openInvite } from './support/signalling-peers'
import { useTestBed } from './support/test-bed'

const bed = useTestBed()

it('shows the link to copy when the QR code cannot be loaded offline', async () => {
  // No service worker: nothing is kept for offline use, as on a first visit before it is saved.
  const context = await bed.browser.newContext({ serviceWorkers: 'block' })
  const page = await context.newPage()
  await startLab(page, bed.server.url, ASHA, 'Estuary flood lab')
  await context.setOffline(true)

  const { link, dialog } = await openInvite(page)
  expect(link).toMatch(/#\/join\/[A-Za-z0-9_.%-]+$/)
  await dialog.getByRole('button', { name: 'Copy link' }).waitFor()
  expect(await dialog.getByRole('img', { name: 'QR code of the invitation link' }).count()).toBe(0)
  // Not too long: it could not be drawn here, and saying otherwise would mislead.
  expect(await dialog.getByText('too long to show as a QR code').count()).toBe(0)
  await expectNoAxeViolations(page, 'the invite dialog offline, without its QR code')

  // Back online, the next invitation has its code again.
  await dialog.getByRole('button', { name: 'Close' }).click()
  await context.setOffline(false)
  const again = await openInvite(page)
  await again.dialog.getByRole('img', { name: 'QR code of the invitation link' }).waitFor()
  await context.close()
})
