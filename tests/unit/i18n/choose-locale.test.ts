import { describe, expect, it } from 'vitest'
import { chooseLocale } from '../../../src/domain/i18n/locale'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'
import { formatDate, formatNumber, formatRelative } from '../../../src/ui/i18n/intl-format'

describe('the interface language', () => {
  it('follows the browser’s first language Mutual has, and is English otherwise', () => {
    expect(chooseLocale(['cy-GB', 'en-GB'])).toBe('cy')
    expect(chooseLocale(['CY'])).toBe('cy')
    expect(chooseLocale(['fr-FR', 'cy', 'en'])).toBe('cy')
    expect(chooseLocale(['en-US', 'cy'])).toBe('en')
    expect(chooseLocale(['fr-FR', 'de'])).toBe('en')
    expect(chooseLocale([])).toBe('en')
  })

  it('formats dates, numbers and times past through Intl in that language', () => {
    const june = Date.UTC(2026, 5, 5, 12)
    expect(formatDate(june, 'long', 'en')).toBe('5 June 2026')
    expect(formatDate(june, 'long', 'cy')).toBe('5 Mehefin 2026')
    expect(formatNumber(1500, 'cy')).toBe('1,500')
    expect(formatRelative(june - 5 * 60_000, june, 'cy')).toBe('5 munud yn ôl')
    expect(formatRelative(june - 5 * 60_000, june, 'en')).toBe('5 minutes ago')
  })

  it('formats a message in each language, with its arguments', () => {
    expect(makeTranslator('en')('notFound.home')).toBe('Go to your workspaces')
    expect(makeTranslator('cy')('notFound.home')).toBe('Ewch i’ch gweithleoedd')
    expect(makeTranslator('cy')('startup.failed', { reason: 'X' })).toBe('Nid oedd modd cychwyn Mutual: X')
  })
})
