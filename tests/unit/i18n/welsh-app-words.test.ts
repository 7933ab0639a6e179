import { afterEach, describe, expect, it } from 'vitest'
import { readArtifactSummaries } from '../../../src/crdt/artifacts'
import { createLabPlan } from '../../../src/crdt/lab-plan'
import { readArtifactSearchItems } from '../../../src/crdt/search-items'
import { createVersion, readVersions, restoreArtifactToVersion } from '../../../src/crdt/versions'
import { automaticVersionName } from '../../../src/domain/version'
import { setLocale } from '../../../src/ui/i18n/current-locale'
import { shownTitle } from '../../../src/ui/i18n/artifact-title'
import { shownColumn } from '../../../src/ui/features/board/column-name'
import { versionName } from '../../../src/ui/features/versions/version-name'
import { asha, newWorkspace } from '../fixtures/workspace'

/**
 * QA in Welsh: words Mutual wrote while the interface was in one language (a lab plan's title,
 * a template's columns) stayed in that language for a reader of the other; a person's own words
 * must stay as they typed them, marked as theirs (lang="").
 */
describe('words Mutual wrote, untouched, in the reader’s language', () => {
  afterEach(() => setLocale('en'))

  it('names a lab plan Mutual titled in either language, and keeps a person’s title', () => {
    setLocale('cy')
    expect(shownTitle({ kind: 'lab-plan', title: 'Lab plan' })).toEqual({ text: 'Cynllun labordy', lang: undefined })
    expect(shownTitle({ kind: 'lab-plan', title: 'Plan Grangetown' })).toEqual({ text: 'Plan Grangetown', lang: '' })
    // Only a lab plan is titled by Mutual: a note a person called "Lab plan" is theirs.
    expect(shownTitle({ kind: 'note', title: 'Lab plan' })).toEqual({ text: 'Lab plan', lang: '' })
    setLocale('en')
    expect(shownTitle({ kind: 'lab-plan', title: 'Cynllun labordy' }).text).toBe('Lab plan')
  })

  it('names a template’s columns in the reader’s language, and keeps a person’s', () => {
    setLocale('cy')
    expect(shownColumn({ title: 'Ideas' })).toEqual({ text: 'Syniadau', lang: undefined })
    expect(shownColumn({ title: 'What doesn’t' }).text).toBe('Beth sydd ddim yn gweithio')
    expect(shownColumn({ title: 'Ideas wall' })).toEqual({ text: 'Ideas wall', lang: '' })
    setLocale('en')
    expect(shownColumn({ title: 'Nawr' }).text).toBe('Now')
  })

  it('finds a lab plan Mutual titled by its title in either language', () => {
    const doc = newWorkspace()
    const id = createLabPlan(doc, { title: 'Lab plan' }, asha, 2000)
    const [item] = readArtifactSearchItems(doc, readArtifactSummaries(doc).find((a) => a.id === id), { viewerId: 'me' })
    expect(item?.text).toContain('Cynllun labordy')
  })
})

/**
 * Restoring an item to the version saved before an earlier restore (undoing an undo) named that
 * version in English inside the Welsh sentence, and the item's title swallowed part of it.
 */
describe('the version saved before restoring to an automatic version of another restore', () => {
  afterEach(() => setLocale('en'))
  it('names every automatic version in it in the chosen language', () => {
    const july = new Date(2026, 6, 11, 9, 30).getTime()
    const doc = newWorkspace()
    const id = createLabPlan(doc, { title: 'Site visit' }, asha, july)
    createVersion(doc, { name: automaticVersionName('first-edit-of-day', july), kind: 'first-edit-of-day' }, asha, july)
    const day = readVersions(doc)[0]!
    expect(restoreArtifactToVersion(doc, id, day.id, asha, july + 1000)).toBe(true)
    const undo = readVersions(doc).find((v) => v.kind === 'before-restore')!
    expect(restoreArtifactToVersion(doc, id, undo.id, asha, july + 2000)).toBe(true)
    const saved = readVersions(doc)[0]!
    setLocale('en')
    expect(versionName(saved)).toBe('Before restoring “Site visit” to “Before restoring “Site visit” to “Start of 11 July 2026””')
    setLocale('cy')
    expect(versionName(saved)).toBe('Cyn adfer “Site visit” i “Cyn adfer “Site visit” i “Dechrau 11 Gorffennaf 2026””')
  })
})
