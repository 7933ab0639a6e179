import { describe, expect, it } from 'vitest'
import { makeWorkshopEvidence, type EvidenceBoard } from '../../../src/domain/board-evidence'
import { mentionsDate } from '../../../src/domain/mentions-date'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'

const ENGLISH = makeTranslator('en')

// 6 December 2026, midday: far from midnight, so the local date is the same in any time zone.
const NOW = Date.UTC(2026, 11, 6, 12)
const EMPTY_BOARD: EvidenceBoard = {
  columns: [],
  notes: [],
  clusters: [],
  settings: { facilitatorIds: ['fay'], locked: false, anonymous: false, activeBrainstormId: null, currentRoundId: null },
  round: null,
  dots: []
}
const titleFor = (boardTitle: string): string =>
  makeWorkshopEvidence({ boardTitle, board: EMPTY_BOARD, viewerId: 'fay', now: NOW, locale: 'en', tr: ENGLISH }).title

describe('the workshop note’s title', () => {
  it.each([
    'Warm spaces review, 12 March',
    'Warm spaces review 12th March',
    'Warm spaces review, March 12',
    'Warm spaces review 12/03/2026',
    'Warm spaces review 12.3.26',
    'Warm spaces review 2026-03-12',
    'Warm spaces review, March 2026',
    'Warm spaces review (Sept 2026)',
    'Warm spaces 3 Dec'
  ])('keeps the date already in “%s” and adds no second one', (boardTitle) => {
    expect(titleFor(boardTitle)).toBe(`Workshop: ${boardTitle}`)
  })

  it.each(['Warm spaces review', 'Top 10 ideas for May', 'Budget 2026', 'Marching band 12', '3 priorities, 2 columns'])(
    'adds the date of the write-up to “%s”, which has none',
    (boardTitle) => {
      expect(titleFor(boardTitle)).toBe(`Workshop: ${boardTitle} (6 December 2026)`)
    }
  )

  it('reads dates the way they are written in a title, not every number', () => {
    expect(mentionsDate('Review on 12 March')).toBe(true)
    expect(mentionsDate('Phase 12 march')).toBe(true)
    expect(mentionsDate('Room 12, 3rd floor')).toBe(false)
    expect(mentionsDate('Ideas 1/2')).toBe(false)
  })
})

describe('the workshop note written up in Welsh', () => {
  it('starts in Welsh, with the date as Intl writes it in Welsh', () => {
    const board: EvidenceBoard = { ...EMPTY_BOARD, columns: [{ id: 'c1', title: 'Syniadau' } as EvidenceBoard['columns'][number]] }
    const evidence = makeWorkshopEvidence({ boardTitle: 'Mannau cynnes', board, viewerId: 'fay', now: NOW, locale: 'cy', tr: makeTranslator('cy') })
    const welshDate = new Intl.DateTimeFormat('cy-GB', { dateStyle: 'long' }).format(NOW)
    expect(welshDate).not.toBe('6 December 2026')
    expect(evidence.title).toBe(`Gweithdy: Mannau cynnes (${welshDate})`)
    const text = JSON.stringify(evidence.blocks)
    expect(text).toContain(`Cynhaliwyd y gweithdy ar ${welshDate}`)
    expect(text).toContain('Dim nodiadau.')
    expect(text).not.toMatch(/Workshop held|No notes/)
  })
})
