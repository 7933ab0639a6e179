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
import type * as Y from 'yjs'
import { collectPageErrors } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { caretAtEndOf, noteText } from './support/editor-driver'
import { editorAndRoleLinks, startLabWithNote } from './support/role-invites'
import { joinByLink } from './support/signalling-peers'
import { useSyncedPeers } from './support/synced-peers'

const LAB = 'Warm homes lab'
const NOTE = 'Visit to the advice centre'
const OWNER = { name: 'Asha Patel', organisation: 'Oldham Council' }
const EDITOR = { name: 'Ben Okafor', organisation: 'Preston City Council' }
const COMMENTER = { name: 'Cara Jones', organisation: 'Bolton Council' }
const FORGED_TEXT = 'The commenter rewrote this.'
const NOT_ALLOWED = 'Your change was not accepted by the others: your role in this workspace does not allow it.'

const { server, peers } = useSyncedPeers(['owner', 'editor', 'commenter'] as const)
const [owner, editor, commenter] = peers

type EditorElement = { editor: { state: { plugins: { key: string; getState(state: unknown): unknown }[] } } }

/**
 * Writes to the page's own copy of the workspace past its interface, through the Yjs document
 * the note's editor is bound to (@tiptap/y-tiptap's plugin state), as a tampered device would.
 * Returns the device's Yjs client id, and the member it credited (when it did).
 */
const writePastTheInterface = (page: Page, write: 'note-text' | 'credit-another-member'): Promise<{ client: number; credited: string | null }> =>
  noteText(page).evaluate(
    (element, { write, text }) => {
      const { editor } = element as unknown as EditorElement
      const sync = editor.state.plugins.find((p) => p.key === 'y-sync$')?.getState(editor.state) as { doc: Y.Doc; type: Y.XmlFragment }
      if (write === 'note-text') {
        // The first block's text (a Y.XmlText has toDelta; an element does not).
        const blocks = sync.type.toArray() as Y.XmlElement[]
        const textNode = blocks.flatMap((block) => block.toArray()).find((child) => typeof (child as Y.XmlText).toDelta === 'function') as Y.XmlText
        textNode.insert(0, text)
        return { client: sync.doc.clientID, credited: null }
      }
      // Another member's authorship record: this device's client id added to their ids.
      const users = sync.doc.getMap('users')
      const [memberId, record] = [...users.entries()].find(([, held]) => !((held as Y.Map<Y.Array<number>>).get('ids')?.toArray() ?? []).includes(sync.doc.clientID)) as [string, Y.Map<Y.Array<number>>]
      record.get('ids')!.push([sync.doc.clientID])
      return { client: sync.doc.clientID, credited: memberId }
    },
    { write, text: FORGED_TEXT }
  )

/** The client ids one member's authorship record credits to them, in this page's live copy. */
const creditedTo = (page: Page, memberId: string): Promise<number[]> =>
  noteText(page).evaluate((element, memberId) => {
    const { editor } = element as unknown as EditorElement
    const sync = editor.state.plugins.find((p) => p.key === 'y-sync$')?.getState(editor.state) as { doc: Y.Doc }
    return (sync.doc.getMap('users').get(memberId) as Y.Map<Y.Array<number>> | undefined)?.get('ids')?.toArray() ?? []
  }, memberId)

/** The owner writes a line every device shows: once it is everywhere, so is anything sent before it. */
const ownerWritesAndAllSee = async (line: string): Promise<void> => {
  await caretAtEndOf(noteText(owner.page), 'Context')
  await owner.page.keyboard.press('ArrowDown')
  await owner.page.keyboard.type(line)
  for (const peer of [editor, commenter]) await noteText(peer.page).getByText(line).waitFor()
}

describe('changes a role does not allow, refused by every other device', () => {
  it('refuses a commenter’s change to a note’s text, and an editor crediting their changes to another member', async () => {
    const errors = [owner, editor, commenter].map((peer) => collectPageErrors(peer.page))
    await startLabWithNote(owner.page, server.url, OWNER, LAB, NOTE, 'Residents asked about loft insulation grants.')
    const { editorLink, roleLink: commenterLink } = await editorAndRoleLinks(owner.page, 'Commenter: Can read, export and comment.')

    await joinByLink(editor, editorLink, EDITOR)
    await joinByLink(commenter, commenterLink, COMMENTER)
    await commenter.page.getByRole('status').filter({ hasText: 'You can view and comment' }).waitFor()
    for (const peer of [editor, commenter]) {
      await peer.page.getByRole('link', { name: NOTE }).click()
      await noteText(peer.page).getByText('Residents asked about loft insulation grants.').waitFor()
    }

    // The commenter's interface offers no way to change the text; a tampered device does it anyway.
    expect(await noteText(commenter.page).getAttribute('aria-readonly')).toBe('true')
    await writePastTheInterface(commenter.page, 'note-text')
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
