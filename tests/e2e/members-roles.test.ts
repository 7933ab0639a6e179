/**
 * Issue 13 (#9), trust and recovery UI: an owner invites a viewer; in a separate Chromium
 * process the viewer sees the workspace read-only with a calm notice, and both people's member
 * lists show both members with matching safety codes. The owner then makes the viewer a
 * commenter through the member list (a signed membership entry), and the commenter can comment.
 * Signed sync is not needed for any of this: the membership log travels like other changes.
 */
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { collectPageErrors } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { ASHA, BEN, noteText, selectText } from './support/editor-driver'
import { editorAndRoleLinks, startLabWithNote, WARM_HOMES } from './support/role-invites'
import { joinByLink, openInvite } from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'

const { lab: LAB, note: NOTE, firstLine: FIRST_LINE } = WARM_HOMES
const [OWNER, GUEST] = [ASHA, BEN]
const SAFETY_CODE = /^\d{4} \d{4} \d{4}$/

const { server, peers } = useSyncedPeers(['owner', 'guest'] as const)
const [owner, guest] = peers

/** Opens "Members" and waits until it lists `count` members. */
const openMembers = async (page: Page, count: number): Promise<Locator> => {
  await page.getByRole('button', { name: 'Members' }).click()
  const dialog = page.getByRole('dialog', { name: 'Members' })
  await dialog.getByRole('list', { name: 'Members of this workspace' }).waitFor()
  await expect.poll(() => dialog.locator('li.member').count()).toBe(count)
  return dialog
}

/** A listed member's heading text, role line and safety codes, as a person reads them. */
const readMember = async (dialog: Locator, name: string) => {
  const item = dialog.locator('li.member').filter({ has: dialog.page().getByRole('heading', { name }) })
  return {
    role: await item.getByText(/^Role: /).innerText(),
    codes: await item.locator('code.safety-code').allInnerTexts(),
    thisDevice: await item.getByText('This device', { exact: true }).count()
  }
}

const close = async (dialog: Locator): Promise<void> => {
  await dialog.getByRole('button', { name: 'Close' }).last().click()
  await dialog.waitFor({ state: 'hidden' })
}

describe('roles in the interface', () => {
  it('shows a viewer the workspace read-only, and both members with safety codes to compare', async () => {
    const ownerErrors = collectPageErrors(owner.page)
    const guestErrors = collectPageErrors(guest.page)
    await startLabWithNote(owner.page, server.url, OWNER, LAB, NOTE, FIRST_LINE)
    // The invitation names the role; choosing another makes a new link.
    const { roleLink: viewerLink } = await editorAndRoleLinks(owner.page, 'Viewer: Can read and export.')
    // The next invitation starts again from Editor, the common case, and says so by the link.
    const { dialog: invite } = await openInvite(owner.page)
    expect(await invite.getByLabel('They join as').inputValue()).toBe('editor')
    await invite.getByText('This link lets them join as Editor.').waitFor()
    await expectNoAxeViolations(owner.page, 'the invite dialog')
    await close(invite)

    await joinByLink(guest, viewerLink, GUEST)
    await guest.page.getByRole('heading', { level: 1, name: LAB }).waitFor()
    await guest.page.getByRole('status').filter({ hasText: 'You can view this workspace' }).waitFor()
    // Nothing to make, change or invite with; reading and exporting stay.
    expect(await guest.page.getByRole('button', { name: 'New note' }).count()).toBe(0)
    expect(await guest.page.getByRole('button', { name: 'Invite people' }).count()).toBe(0)
    expect(await guest.page.getByRole('button', { name: 'Edit details' }).isDisabled()).toBe(true)
    await expectNoAxeViolations(guest.page, 'a viewer’s workspace overview')

    await guest.page.getByRole('link', { name: NOTE }).click()
    const text = noteText(guest.page)
    await text.getByText(FIRST_LINE).waitFor()
    expect(await text.getAttribute('aria-readonly')).toBe('true')
    expect(await guest.page.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0)
    expect(await guest.page.getByRole('button', { name: 'Comment on selected text' }).count()).toBe(0)
    await guest.page.getByRole('button', { name: 'Export' }).waitFor()
    await expectNoAxeViolations(guest.page, 'a viewer reading a note')

    // Each side lists both members; the codes for one device agree on both sides.
    const guestList = await openMembers(guest.page, 2)
    const guestSelf = await readMember(guestList, `${GUEST.name} (you)`)
    const guestSeesOwner = await readMember(guestList, OWNER.name)
    expect(guestSelf).toMatchObject({ role: 'Role: Viewer', thisDevice: 1 })
    expect(guestSeesOwner).toMatchObject({ role: 'Role: Owner', thisDevice: 0 })
    for (const code of [...guestSelf.codes, ...guestSeesOwner.codes]) expect(code).toMatch(SAFETY_CODE)
    expect(guestSelf.codes).toHaveLength(1)
    expect(guestSeesOwner.codes).toHaveLength(1)
    expect(guestSelf.codes[0]).not.toBe(guestSeesOwner.codes[0])
    // A viewer changes nobody's role.
    expect(await guestList.getByRole('combobox').count()).toBe(0)
    await expectNoAxeViolations(guest.page, 'a viewer’s member list')
    await close(guestList)
    // By keyboard: Enter opens the list, Escape closes it and puts focus back on the button.
    const membersButton = guest.page.getByRole('button', { name: 'Members' })
    await membersButton.focus()
    await guest.page.keyboard.press('Enter')
    await guestList.waitFor()
    await guest.page.keyboard.press('Escape')
    await guestList.waitFor({ state: 'hidden' })
    await expect.poll(() => membersButton.evaluate((button) => button === document.activeElement)).toBe(true)

    const ownerList = await openMembers(owner.page, 2)
    const ownerSelf = await readMember(ownerList, `${OWNER.name} (you)`)
    const ownerSeesGuest = await readMember(ownerList, GUEST.name)
    expect(ownerSelf).toMatchObject({ role: 'Role: Owner', thisDevice: 1, codes: guestSeesOwner.codes })
    expect(ownerSeesGuest).toMatchObject({ role: 'Role: Viewer', thisDevice: 0, codes: guestSelf.codes })
    await expectNoAxeViolations(owner.page, 'an owner’s member list')

    // The owner makes the viewer a commenter: a signed change every device folds alike.
    await ownerList.getByLabel(`New role for ${GUEST.name}`).selectOption({ label: 'Commenter: Can read, export and comment.' })
    await ownerList.getByRole('button', { name: 'Change role' }).click()
    await ownerList.getByRole('status').filter({ hasText: `${GUEST.name} is now: Commenter.` }).waitFor()
    await expect.poll(async () => (await readMember(ownerList, GUEST.name)).role).toBe('Role: Commenter')
    await close(ownerList)

    await guest.page.getByRole('status').filter({ hasText: 'You can view and comment' }).waitFor()
    expect(await text.getAttribute('aria-readonly')).toBe('true')
    await selectText(text, 'loft insulation')
    await guest.page.getByRole('button', { name: 'Comment on selected text' }).click()
    await guest.page.getByLabel('Your comment').fill('Which grants did they mean?')
    await guest.page.getByRole('button', { name: 'Add comment' }).click()
    await owner.page.getByText('Which grants did they mean?').waitFor()
    await expectNoAxeViolations(guest.page, 'a commenter reading a note')

    expect(ownerErrors).toEqual([])
    expect(guestErrors).toEqual([])
  })
})
