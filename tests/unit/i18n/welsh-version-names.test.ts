import { afterEach, describe, expect, it } from 'vitest'
import { automaticVersionName } from '../../../src/domain/version'
import { createArtifact, renameArtifact } from '../../../src/crdt/artifacts'
import { createVersion, readVersions, restoreArtifactToVersion, restoreWorkspaceDetailsToVersion } from '../../../src/crdt/versions'
import { asha, newWorkspace } from '../fixtures/workspace'
import { setLocale } from '../../../src/ui/i18n/current-locale'
import { versionName } from '../../../src/ui/features/versions/version-name'

/**
 * Issue 16 (#12): the version saved before a changes file is merged (the one to restore to undo
 * the import) was named in English inside a Welsh sentence: "Cyn mewnforio a changes file".
 */
describe('the version saved before importing a changes file', () => {
  afterEach(() => setLocale('en'))
  const version = { name: automaticVersionName('before-import', 0, 'a changes file'), kind: 'before-import' as const, createdAt: 0 }

  it('is named in the chosen language', () => {
    setLocale('en')
    expect(versionName(version)).toBe('Before importing a changes file')
    setLocale('cy')
    expect(versionName(version)).toBe('Cyn mewnforio ffeil newidiadau')
  })
})

/**
 * The version saved before an item or the lab's details were restored named the item and the
 * version in an English sentence inside a Welsh one: "Cyn adfer “Site visit” to “Start of 11
 * July 2026”".
 */
describe('the version saved before restoring to an earlier version', () => {
  afterEach(() => setLocale('en'))
  const july = new Date(2026, 6, 11, 9, 30).getTime()
  it('names the item and a day’s version in the chosen language', () => {
    const doc = newWorkspace()
    const id = createArtifact(doc, { kind: 'note', title: 'Site visit' }, asha, july)
    createVersion(doc, { name: automaticVersionName('first-edit-of-day', july), kind: 'first-edit-of-day' }, asha, july)
    renameArtifact(doc, id, 'Site visit, Rochdale', asha, july + 1000)
    const day = readVersions(doc)[0]!
    expect(restoreArtifactToVersion(doc, id, day.id, asha, july + 2000)).toBe(true)
    const saved = readVersions(doc).find((v) => v.kind === 'before-restore')!
    setLocale('en')
    expect(versionName(saved)).toBe('Before restoring “Site visit, Rochdale” to “Start of 11 July 2026”')
    setLocale('cy')
    expect(versionName(saved)).toBe('Cyn adfer “Site visit, Rochdale” i “Dechrau 11 Gorffennaf 2026”')
  })

  it('keeps a person’s name for the version as they wrote it, and names the lab’s details', () => {
    const doc = newWorkspace()
    createVersion(doc, { name: 'Before the steering group', kind: 'named' }, asha, july)
    const named = readVersions(doc)[0]!
    expect(restoreWorkspaceDetailsToVersion(doc, named.id, asha, july + 1000)).toBe(true)
    const saved = readVersions(doc).find((v) => v.kind === 'before-restore')!
    setLocale('cy')
    expect(versionName(saved)).toBe('Cyn adfer manylion y labordy i “Before the steering group”')
    setLocale('en')
    expect(versionName(saved)).toBe('Before restoring the lab’s details to “Before the steering group”')
  })
})
