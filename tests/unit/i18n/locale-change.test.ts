import { afterEach, describe, expect, it } from 'vitest'
import { onLocaleChange, setLocale } from '../../../src/ui/i18n/current-locale'
import { t } from '../../../src/ui/i18n/t'

/**
 * A citation of a lab plan outcome, a photo's frame and the editor's hints are drawn by the
 * editor, outside Solid: they stayed in the language they were drawn in after the interface
 * switched, until the page was left. The interface now tells them to draw again.
 */
describe('a switch of the interface language, for what is drawn outside Solid', () => {
  afterEach(() => setLocale('en'))

  it('asks to draw again after each switch, with the new language’s words, until stopped', () => {
    setLocale('en')
    const drawn: string[] = []
    const stop = onLocaleChange(() => drawn.push(t('kind.note.one')))
    expect(drawn).toEqual([])
    setLocale('cy')
    expect(drawn).toEqual(['Nodyn'])
    setLocale('en')
    expect(drawn).toEqual(['Nodyn', 'Note'])
    stop()
    setLocale('cy')
    expect(drawn).toEqual(['Nodyn', 'Note'])
  })
})
