/**
 * A device whose invitation rests on membership entries that never left its maker's laptop.
 * Asha goes offline and makes two invitations; the second cites the first, which stays on her
 * laptop. Tom opens the second link: the lab reaches him from the relay, but his join cannot be
 * written until the first invitation arrives, and anything he changed meanwhile would be refused
 * by everyone as a non-member's. So his device shows the lab read-only and says why; once Asha is
 * back online it joins, and what Tom writes then reaches her.
 */
import { expect, it } from 'vitest'
import { startLab } from './support/app-driver'
import { useRelayedAppServer } from './support/app-with-devices'
import { expectNoAxeViolations } from './support/axe'
import { ASHA, createNoteThroughUi, noteText } from './support/editor-driver'
import { joinThroughInvite } from './support/relay-bed'
import { waitUntilRelayHolds } from './support/relay-devices'
import { readInviteLink } from './support/signalling-peers'

const app = useRelayedAppServer()
const LAB = 'Harbour regeneration lab'
const NOTE = 'Visit to the fish market'
const TOM = { name: 'Tom Hughes', organisation: 'Kirklees Council' }
const WAITING = 'Waiting for your invitation to be confirmed'

it('shows the lab read-only, and says why, until the entries the invitation rests on arrive; then the joiner edits', async () => {
  const asha = await app.device().open()
  await startLab(asha.page, app.server.url, ASHA, LAB)
  await createNoteThroughUi(asha.page, 'Site visit', NOTE)
  await waitUntilRelayHolds(asha.page)

  // Offline, every invitation stays on Asha's laptop; the second cites the first.
  await asha.context.setOffline(true)
  await readInviteLink(asha.page)
  const link = await readInviteLink(asha.page)

  const tom = await app.device().open()
  await joinThroughInvite(tom.page, link, TOM, LAB)
  const waiting = tom.page.getByRole('status').filter({ hasText: WAITING })
  await waiting.waitFor()
  expect(await tom.page.getByRole('button', { name: 'New note' }).count()).toBe(0)
  expect(await tom.page.getByRole('button', { name: 'Invite people' }).count()).toBe(0)
  expect(await tom.page.getByRole('button', { name: 'Edit details' }).isDisabled()).toBe(true)
  await expectNoAxeViolations(tom.page, 'a lab whose invitation is waiting to be confirmed')
  await tom.page.getByRole('link', { name: NOTE }).click()
  expect(await noteText(tom.page).getAttribute('aria-readonly')).toBe('true')

  // Asha is back: her invitations reach the relay, Tom's device joins and may change the lab.
  await asha.context.setOffline(false)
  await waiting.waitFor({ state: 'hidden', timeout: 120_000 })
  await expect.poll(() => noteText(tom.page).getAttribute('aria-readonly')).not.toBe('true')
  const line = 'The market wants a cold store by the quay.'
  await noteText(tom.page).click()
  await tom.page.keyboard.insertText(line)
  await asha.page.getByRole('link', { name: NOTE }).click()
  await noteText(asha.page).getByText(line).waitFor({ timeout: 120_000 })
  expect([...asha.errors, ...tom.errors]).toEqual([])
}, 10 * 60_000)
