import { describe, expect, it } from 'vitest'
import { firstMatch, makeExcerpt } from '../../../src/domain/search/excerpt'
import { foldText, searchWords, wordSpans } from '../../../src/domain/search/normalise'

const marked = (parts: { text: string; match: boolean }[]): string =>
  parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join('')

describe('search text folding', () => {
  it('ignores case and accents, so "ynys mon" and "Ynys Môn" are the same words', () => {
    expect(searchWords('Ynys Môn')).toEqual(searchWords('ynys mon'))
    expect(foldText('CAFÉ Ŵyn')).toBe('cafe wyn')
    // Text typed with combining accents (decomposed) folds the same as precomposed text.
    expect(searchWords('Mo\u0302n')).toEqual(['mon'])
  })

  it('splits on punctuation and spaces, keeping letters of any script and digits', () => {
    expect(searchWords('Community-wealth: £2,500 (2026)… Łódź')).toEqual(['community', 'wealth', '2', '500', '2026', 'łodz']) // Ł has no accent to drop: it is a letter of its own
    expect(searchWords('  ,. ')).toEqual([])
  })

  it('knows where each word is in the text as written', () => {
    const text = 'Visit to Ynys Môn.'
    const spans = wordSpans(text)
    const mon = spans.find((s) => s.folded === 'mon')
    expect(mon && text.slice(mon.start, mon.end)).toBe('Môn')
  })
})

describe('search excerpts', () => {
  it('marks every matching word, as written, accents and case kept', () => {
    const parts = makeExcerpt('We met the Ynys Môn team. YNYS MON again.', new Set(['ynys', 'mon']))
    expect(marked(parts)).toBe('We met the [Ynys] [Môn] team. [YNYS] [MON] again.')
  })

  it('does not mark a word that merely contains a matched word', () => {
    expect(marked(makeExcerpt('councillors and the council', new Set(['council'])))).toBe('councillors and the [council]')
  })

  it('starts shortly before the first match, on a word boundary, with ellipses for what is left out', () => {
    const text = `${'lorem ipsum '.repeat(40)}the procurement strategy was agreed ${'dolor sit '.repeat(40)}`
    const parts = makeExcerpt(text, new Set(['procurement']))
    const shown = marked(parts)
    expect(shown.startsWith('… ')).toBe(true)
    expect(shown.endsWith(' …')).toBe(true)
    expect(shown).toContain('[procurement] strategy')
    expect(shown.length).toBeLessThan(200)
    // No word cut in half at either end.
    expect(shown).toMatch(/^… (lorem|ipsum) /)
    expect(shown).toMatch(/ (dolor|sit) …$/)
  })

  it('collapses line breaks and runs of spaces', () => {
    expect(marked(makeExcerpt('First line\n\n   second   line', new Set(['second'])))).toBe('First line [second] line')
  })

  it('shows the beginning when only the title matched', () => {
    expect(marked(makeExcerpt('Nothing about it here.', new Set(['housing'])))).toBe('Nothing about it here.')
  })

  it('finds matches in text whose folding changes its length (decomposed letters, Hangul)', () => {
    const text = '한국 visit then Mo\u0302n'
    const match = firstMatch(text, new Set(['mon']))
    expect(match && text.slice(match.start, match.end)).toBe('Mo\u0302n')
  })

  it('treats matched words as plain text, not as patterns', () => {
    expect(firstMatch('aab and ab', new Set(['a+b']))).toBeNull()
    expect(firstMatch('cost 2.5 million', new Set(['2']))).toEqual({ start: 5, end: 6 })
  })
})
