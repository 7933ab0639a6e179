/**
 * The overview's "People in this workspace" says who has access. A lab written before it had
 * signed members, imported on this device, becomes this person's (its owner); the colleagues who
 * wrote in it are listed after them as not members, since nothing they send would be accepted
 * until they join by invitation. A list that named them all alike read as if they had access.
 */
import { Buffer } from 'node:buffer'
import { expect, it } from 'vitest'
import { recordMember } from '../../src/crdt/members'
import { PROFILE_COLOURS } from '../../src/domain/colours'
import { makeWorkspaceSecret, type WorkspaceId } from '../../src/domain/ids'
import { encodeWorkspaceFile } from '../../src/storage/workspace-file'
import { expectNoAxeViolations } from './support/axe'
import { notesWorkspaceFile } from './support/notes-workspace-file'
import { openFreshPage, useTestBed } from './support/test-bed'

const bed = useTestBed()
const LAB = 'Community food lab'

it('lists members first with their roles, then past authors as not members', async () => {
  const { doc } = notesWorkspaceFile(LAB, [{ title: 'Pantry visit', text: 'Opening hours suit shift workers.' }])
  for (const [id, name] of [['aled-member-id', 'Aled Morgan'], ['bea-member-id', 'Bea Shah']] as const) {
    recordMember(doc, id, { name, organisation: 'Swansea Council', colour: PROFILE_COLOURS[0].value }, Date.now())
  }
  const bytes = encodeWorkspaceFile({ format: 1, workspaceId: doc.guid as WorkspaceId, secret: makeWorkspaceSecret(), name: LAB, exportedAt: Date.now() }, doc)
  const { page, errors } = await openFreshPage(bed, { name: 'Zoe Taylor', organisation: 'Cardiff Council' })
  await page.getByLabel('Import a workspace file').setInputFiles({ name: 'food.mutual', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) })
  await page.getByRole('heading', { level: 1, name: LAB }).waitFor()

  const people = page.getByRole('region', { name: 'People in this workspace' })
  const rows = people.getByRole('listitem')
  await rows.filter({ hasText: 'Zoe Taylor' }).filter({ hasText: 'Owner' }).waitFor()
  await rows.filter({ hasText: 'Aled Morgan' }).filter({ hasText: 'Not a member' }).waitFor()
  await rows.filter({ hasText: 'Bea Shah' }).filter({ hasText: 'Not a member' }).waitFor()
  // Who has access reads first, whatever the alphabet says.
  expect((await rows.allInnerTexts()).map((text) => text.split('\n').pop()?.split(' —')[0]?.trim())).toEqual(['Zoe Taylor', 'Aled Morgan', 'Bea Shah'])
  await expectNoAxeViolations(page, 'the overview with members and past authors')
  expect(errors).toEqual([])
})
