import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Page } from 'playwright-core'
import { openFreshPage, useTestBed } from './support/test-bed'
import { expectNoAxeViolations } from './support/axe'
import { createWorkspaceThroughUi, goToWorkspaceList, readOverviewDetails } from './support/app-driver'
import { addRow, readRows, workspaceDbName, workspaceIdOf } from './support/indexeddb-probes'

const bed = useTestBed()

const lab = {
  name: 'Social care lab',
  leadCouncil: 'Barnsley Metropolitan Borough Council',
  partnerCouncils: ['Rochdale Borough Council'],
  description: 'Care closer to home.',
  startDate: '2026-02-02'
}

const openLab = async (): Promise<{ page: Page; errors: string[]; id: string; details: Record<string, string> }> => {
  const { page, errors } = await openFreshPage(bed, { name: 'Asha Patel', organisation: 'Oldham Council' })
  await createWorkspaceThroughUi(page, lab)
  return { page, errors, id: workspaceIdOf(page), details: await readOverviewDetails(page) }
}

/** Bytes that y-indexeddb cannot decode as a Yjs update. */
const GARBAGE = [0xff, 0xff, 0xff, 0xff, 0x01, 0x02, 0x03]

describe('damaged and newer data on this device', () => {
  it('opens a workspace with a damaged record read-only, exports what can be read, and the export imports back as a working workspace', async () => {
    const { page, errors, id, details } = await openLab()
    const db = workspaceDbName(id)
    await addRow(page, db, 'updates', { bytes: GARBAGE })
    await page.reload()

    const alert = page.getByRole('alert').filter({ hasText: 'Part of this workspace could not be read from this device' })
    await alert.waitFor()
    expect(await alert.innerText()).toMatch(/1 of \d+ saved records are damaged/)
    expect(await alert.innerText()).toContain('nothing stored has been changed or removed')
    // Everything that could be read is shown; changes are turned off.
    await page.getByRole('heading', { level: 1, name: lab.name }).waitFor()
    await page.getByText(lab.description).waitFor()
    expect(await readOverviewDetails(page)).toEqual(details)
    expect(await page.getByRole('button', { name: 'Edit details' }).isDisabled()).toBe(true)
    await expectNoAxeViolations(page, 'damaged workspace banner')
    // Reading it changed nothing on disk: the damaged record is still where it was.
    expect(await readRows(page, db, 'updates')).toContainEqual(GARBAGE)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      alert.getByRole('button', { name: 'Export what can be read' }).click()
    ])
    expect(download.suggestedFilename()).toMatch(/^social-care-lab-\d{4}-\d{2}-\d{2}\.mutual$/)
    const file = await download.path()

    await goToWorkspaceList(page)
    await page.getByLabel('Import a workspace file').setInputFiles(file)
    const merge = page.getByRole('dialog', { name: 'Merge into the workspace on this device?' })
    await merge.waitFor()
    await merge.getByRole('button', { name: `Merge into “${lab.name}”` }).click()

    await page.getByRole('heading', { level: 1, name: lab.name }).waitFor()
    expect(workspaceIdOf(page)).toBe(id)
    expect(await readOverviewDetails(page)).toEqual(details)
    expect(await page.getByRole('alert').filter({ hasText: /could not be read|read-only/ }).count()).toBe(0)
    await page.getByRole('button', { name: 'Edit details' }).click()
    await page.getByLabel('Short description').fill('Care closer to home, working again.')
    await page.getByRole('button', { name: 'Save details' }).click()
    await page.getByRole('status').filter({ hasText: 'Details saved' }).waitFor()

    await page.reload()
    await page.getByText('Care closer to home, working again.').waitFor()
    expect(await page.getByRole('button', { name: 'Edit details' }).isDisabled()).toBe(false)
    expect(await page.getByRole('alert').filter({ hasText: /could not be read|not saved|read-only/ }).count()).toBe(0)
    // The damaged record was set aside, whole, not deleted.
    expect(await readRows(page, db, 'damaged-records')).toEqual([GARBAGE])
    expect(await readRows(page, db, 'updates')).not.toContainEqual(GARBAGE)
    // The reload read the damaged record early (storage/early-read.ts) and met the damage in
    // the app's own code, so nothing was left unhandled: no page error at all.
    expect(errors).toEqual([])
  })

  it('opens a workspace saved by a newer version read-only, with a clear message, and leaves it as it was', async () => {
    const { page, errors, id, details } = await openLab()
    const db = workspaceDbName(id)
    // This session's last writes (its owner's claim, signed once the device's keys are made) can
    // land after the overview shows: leave the workspace and reload, so nothing of it is still
    // running when its saved records are read and the newer version's are added.
    const workspaceUrl = page.url()
    await goToWorkspaceList(page)
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor()

    // What a newer Mutual would have written on top: a higher schema version and a new part.
    const doc = new Y.Doc({ gc: false })
    for (const row of (await readRows(page, db, 'updates')) as number[][]) Y.applyUpdate(doc, new Uint8Array(row))
    const before = Y.encodeStateVector(doc)
    doc.transact(() => {
      doc.getMap('meta').set('schemaVersion', 99)
      doc.getMap('formats').set('v99', 'a format this build cannot read')
      doc.getMap('somethingNew').set('field', 'from the future')
    })
    await addRow(page, db, 'updates', { bytes: Array.from(Y.encodeStateAsUpdate(doc, before)) })
    await page.goto(workspaceUrl)

    const alert = page.getByRole('alert').filter({ hasText: 'Opened read-only' })
    await alert.waitFor()
    expect(await alert.innerText()).toContain('newer version of Mutual')
    await page.getByRole('heading', { level: 1, name: lab.name }).waitFor()
    expect(await readOverviewDetails(page)).toEqual(details)
    expect(await page.getByRole('button', { name: 'Edit details' }).isDisabled()).toBe(true)
    await expectNoAxeViolations(page, 'read-only (newer version) banner')

    // Nothing this version wrote changed the document.
    const after = new Y.Doc({ gc: false })
    for (const row of (await readRows(page, db, 'updates')) as number[][]) Y.applyUpdate(after, new Uint8Array(row))
    expect(after.getMap('meta').get('schemaVersion')).toBe(99)
    expect(Y.encodeStateVector(after)).toEqual(Y.encodeStateVector(doc))
    expect(errors).toEqual([])
  })
})
