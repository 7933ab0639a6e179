/**
 * Issue 13 (#9), signed sync: roles are enforced by every device, not only by each person's own
 * interface. Three Chromium processes (an owner, an editor and a commenter) share a note over
 * WebRTC. A device whose interface was got round (as by someone using the browser's developer
 * tools) writes to its copy of the workspace directly:
 * - the commenter changes the note's text, which a commenter may not do;
 * - the editor credits its changes to another member (forged authorship).
 * Each change leaves signed by its device as usual; every other device refuses it, nothing of it
 * reaches their copies, and the device that made it is told.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { collectPageErrors } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { ASHA, BEN, noteText } from './support/editor-driver'
import { creditedTo, writePastTheInterface } from './support/past-the-interface'
import { editorAndRoleLinks, startLabWithNote, WARM_HOMES, writeUnderContext } from './support/role-invites'
import { joinByLink } from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'

const { lab: LAB, note: NOTE, firstLine: FIRST_LINE } = WARM_HOMES
const [OWNER, EDITOR] = [ASHA, BEN]
const COMMENTER = { name: 'Cara Jones', organisation: 'Bolton Council' }
const FORGED_TEXT = 'The commenter rewrote this.'
const NOT_ALLOWED = 'Your change was not accepted by the others: your role in this workspace does not allow it.'

const { server, peers } = useSyncedPeers(['owner', 'editor', 'commenter'] as const)
const [owner, editor, commenter] = peers

/** The owner writes a line every device shows: once it is everywhere, so is anything sent before it. */
const ownerWritesAndAllSee = async (line: string): Promise<void> => {
  await writeUnderContext(owner.page, line)
  for (const peer of [editor, commenter]) await noteText(peer.page).getByText(line).waitFor()
}

describe('changes a role does not allow, refused by every other device', () => {
  it('refuses a commenter’s change to a note’s text, and an editor crediting their changes to another member', async () => {
    const errors = [owner, editor, commenter].map((peer) => collectPageErrors(peer.page))
    await startLabWithNote(owner.page, server.url, OWNER, LAB, NOTE, FIRST_LINE)
    const { editorLink, roleLink: commenterLink } = await editorAndRoleLinks(owner.page, 'Commenter: Can read, export and comment.')

    await joinByLink(editor, editorLink, EDITOR)
    await joinByLink(commenter, commenterLink, COMMENTER)
    await commenter.page.getByRole('status').filter({ hasText: 'You can view and comment' }).waitFor()
    for (const peer of [editor, commenter]) {
      await peer.page.getByRole('link', { name: NOTE }).click()
      await noteText(peer.page).getByText(FIRST_LINE).waitFor()
    }

    // The commenter's interface offers no way to change the text; a tampered device does it anyway.
    expect(await noteText(commenter.page).getAttribute('aria-readonly')).toBe('true')
    await writePastTheInterface(commenter.page, 'note-text', FORGED_TEXT)
    await noteText(commenter.page).getByText(FORGED_TEXT).waitFor()
    await commenter.page.getByText(NOT_ALLOWED).waitFor()
    await expectNoAxeViolations(commenter.page, 'a commenter told their change was refused')
    await ownerWritesAndAllSee('The grant closes in March.')
    for (const peer of [owner, editor]) expect(await noteText(peer.page).innerText()).not.toContain(FORGED_TEXT)

    // The editor credits its own changes to another member: refused whatever the role.
    const forged = await writePastTheInterface(editor.page, 'credit-another-member')
    const credited = forged.credited as string
    await editor.page.getByText(NOT_ALLOWED).waitFor()
    // Refused as a change, the credit stays in the editor's copy and goes out again inside the
    // state the editor sends whenever a peer asks what it lacks (every 10 s, and on connecting;
    // an editor's state vouches for others' records). Restarted, the owner's device asks at once.
    await owner.page.reload()
    await noteText(owner.page).getByText('The grant closes in March.').waitFor()
    await ownerWritesAndAllSee('Ask the energy advice service.')
    for (const peer of [owner, commenter]) {
      const ids = await creditedTo(peer.page, credited)
      // The record is there (the member is real); only the forged credit is missing.
      expect(ids.length).toBeGreaterThan(0)
      expect(ids).not.toContain(forged.client)
    }
    // On the editor's own copy the forged credit is there: that is what was refused.
    expect(await creditedTo(editor.page, credited)).toContain(forged.client)

    for (const list of errors) expect(list).toEqual([])
  })
})
