/**
 * Issue 15: a big lab is stored as chunks that apply one after another (src/crdt/causal-chunks.ts),
 * so that opening it never holds the page in one long task. A lab imported whole is stored again
 * as chunks in the background of its first open, in a worker; the next open applies them a slice
 * at a time. Nothing of the lab may be lost or changed on the way, and the person sees no difference.
 */
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { artifactBody, createArtifact } from '../../src/crdt/artifacts'
import { initialiseWorkspace } from '../../src/crdt/workspace-meta'
import { makeWorkspaceDoc } from '../../src/crdt/workspace-doc'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../src/domain/ids'
import { SLICE_BYTES } from '../../src/storage/sliced-apply'
import { encodeWorkspaceFile } from '../../src/storage/workspace-file'
import { expectNoAxeViolations } from './support/axe'
import { noteText } from './support/editor-driver'
import { rowSizes, workspaceDbName } from './support/indexeddb-probes'
import { openFreshPage, useTestBed } from './support/test-bed'

const bed = useTestBed()

const LAB = 'Warm homes lab'
const SITTINGS = 20
const noteTitle = (sitting: number): string => `Site visit ${sitting + 1}`
const sentence = (sitting: number): string => `Visit ${sitting + 1}: the tenants asked about damp in the stairwell. `

/** A lab of about 2 MB written over twenty sittings (each a client of its own), one site visit note each. */
const bigLabFile = (): { file: Buffer; id: string; bytes: number } => {
  const workspaceId = makeWorkspaceId()
  const actor = { name: 'Rhian Evans', organisation: 'Cardiff Council' }
  let doc = makeWorkspaceDoc(workspaceId)
  initialiseWorkspace(doc, { name: LAB, description: '', leadCouncil: actor.organisation, partnerCouncils: [], startDate: '' }, actor, Date.now())
  for (let sitting = 0; sitting < SITTINGS; sitting++) {
    const next = makeWorkspaceDoc(workspaceId)
    Y.applyUpdate(next, Y.encodeStateAsUpdate(doc))
    doc = next
    const note = createArtifact(doc, { kind: 'note', title: noteTitle(sitting) }, actor, Date.now())
    // A hundred paragraphs of twenty sentences: 2,000 in all.
    const paragraphs = Array.from({ length: 100 }, () => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(sentence(sitting).repeat(20))])
      return paragraph
    })
    artifactBody(doc, note)?.insert(0, paragraphs)
  }
  const bytes = Y.encodeStateAsUpdate(doc).length
  const file = encodeWorkspaceFile({ format: 1, workspaceId, secret: makeWorkspaceSecret(), name: LAB, exportedAt: Date.now() }, doc)
  return { file: Buffer.from(file), id: workspaceId, bytes }
}

it('stores a big imported lab as chunks in the background, and opens it from them whole', async () => {
  const lab = bigLabFile()
  expect(lab.bytes).toBeGreaterThan(4 * SLICE_BYTES)
  const { page, errors } = await openFreshPage(bed, { name: 'Rhian Evans', organisation: 'Cardiff Council' })
  await page.getByLabel('Import a workspace file').setInputFiles({ name: 'warm-homes.mutual', mimeType: 'application/octet-stream', buffer: lab.file })
  await page.getByRole('heading', { level: 1, name: LAB }).waitFor()
  const db = workspaceDbName(lab.id)

  // The import stores the lab whole; the open then stores it again as chunks, none of them
  // more than a slice, while the person carries on.
  await expect.poll(async () => Math.max(...(await rowSizes(page, db, 'updates'))), { timeout: 60_000 }).toBeLessThanOrEqual(SLICE_BYTES)
  const sizes = await rowSizes(page, db, 'updates')
  expect(sizes.length).toBeGreaterThan(3)
  expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(lab.bytes)

  // A cold open from the chunks shows every note, each with all it held.
  await page.reload()
  await page.getByRole('heading', { level: 1, name: LAB }).waitFor()
  await page.getByRole('heading', { name: `Notes (${SITTINGS})` }).waitFor()
  await expectNoAxeViolations(page, 'the overview of a big lab opened from chunks')
  for (const sitting of [0, SITTINGS - 1]) {
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: noteTitle(sitting), exact: true }).click()
    const editor = noteText(page)
    await expect.poll(async () => ((await editor.textContent()) ?? '').split(sentence(sitting).trim()).length - 1, { timeout: 60_000 }).toBe(2_000)
    await page.goBack()
    await page.getByRole('heading', { name: `Notes (${SITTINGS})` }).waitFor()
  }
  expect(errors).toEqual([])
}, 5 * 60_000)
