import { afterEach, describe, expect, it } from 'vitest'
import { automaticVersionName } from '../../../src/domain/version'
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
