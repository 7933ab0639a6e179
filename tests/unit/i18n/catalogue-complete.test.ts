import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { CATALOGUES, type Catalogue } from '../../../src/domain/i18n/catalogue'
import { en } from '../../../src/domain/i18n/messages-en'
import { cy } from '../../../src/domain/i18n/messages-cy'
import { messageArguments, pluralCategories } from './message-arguments'

/**
 * Issue 16 (#12): Welsh councils must offer the whole service in Welsh. The type of the Welsh
 * catalogue already demands every key; this test holds even when types are not checked, and
 * also checks what types cannot: each Welsh message parses, takes the same arguments as the
 * English one, and gives every Welsh plural form Intl knows.
 */
const englishKeys = Object.keys(en)
/** Whether a message has words of its own, besides its {arguments}. */
const hasWords = (message: string): boolean => /[A-Za-z]{3}/.test(message.replace(/\{[^{}]*\}/g, ''))
const welsh = cy as Record<string, string | undefined>

describe('the Welsh catalogue', () => {
  it('has every key of the English catalogue, and no others', () => {
    const missing = englishKeys.filter((key) => typeof welsh[key] !== 'string')
    const extra = Object.keys(cy).filter((key) => !(key in en))
    expect(missing).toEqual([])
    expect(extra).toEqual([])
  })

  it('has no message left empty or left in English', () => {
    // Words Welsh has borrowed as they are: listed one by one, so nothing else slips through.
    const SAME_IN_WELSH = new Set(['bin.title', 'filters.tag', 'export.md.label'])
    const empty = englishKeys.filter((key) => !welsh[key]?.trim())
    const untranslated = englishKeys.filter(
      (key) => welsh[key] === en[key as keyof typeof en] && hasWords(en[key as keyof typeof en]) && !SAME_IN_WELSH.has(key)
    )
    expect(empty).toEqual([])
    expect(untranslated).toEqual([])
  })

  it.each(englishKeys)('%s takes the same ICU arguments in Welsh as in English', (key) => {
    const english = messageArguments(en[key as keyof typeof en], 'en-GB')
    const cymraeg = messageArguments(welsh[key] ?? '', 'cy-GB')
    expect(cymraeg).toEqual(english)
  })

  it('gives each Welsh plural all six forms (zero, one, two, few, many, other)', () => {
    const needed = new Intl.PluralRules('cy').resolvedOptions().pluralCategories.slice().sort()
    expect(needed).toHaveLength(6)
    const short = englishKeys.flatMap((key) =>
      pluralCategories(welsh[key] ?? '', 'cy-GB')
        .filter((forms) => !needed.every((form) => forms.includes(form)))
        .map((forms) => `${key}: ${forms.join(', ')}`)
    )
    expect(short).toEqual([])
  })

  it('formats in both languages with the values English gives it', () => {
    for (const [locale, catalogue] of Object.entries(CATALOGUES) as [string, Catalogue][]) {
      for (const key of englishKeys) {
        const values = Object.fromEntries(Object.entries(messageArguments(en[key as keyof typeof en], 'en-GB')).map(([name, kind]) => [name, kind === 'date' ? new Date(0) : kind === 'plural' || kind === 'number' ? 3 : 'x']))
        const text = new IntlMessageFormat(catalogue[key as keyof Catalogue], locale).format(values)
        expect(typeof text, `${locale} ${key}`).toBe('string')
      }
    }
  })
})
