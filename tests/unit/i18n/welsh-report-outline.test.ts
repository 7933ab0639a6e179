import { describe, expect, it } from 'vitest'
import { SECTION_STATUSES, UNASSIGNED } from '../../../src/domain/report'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'
import { outlineTitle, sectionAssignmentText } from '../../../src/ui/features/reports/outline-entry-text'

/**
 * Issue 16 (#12): a report's outline and the assignment of its sections stayed in English
 * while the app was in Welsh. What the outline says about a section is now in the chosen
 * language; a heading, an owner and a council stay as people wrote them.
 */
const cy = makeTranslator('cy')
const en = makeTranslator('en')

describe('a report’s outline, in Welsh', () => {
  it('names every section status in Welsh, and a section nobody owns yet', () => {
    expect(SECTION_STATUSES.map((status) => sectionAssignmentText({ ...UNASSIGNED, status }, cy).status)).toEqual([
      'Drafft',
      'Wrthi’n cael ei hadolygu',
      'Cytunwyd'
    ])
    expect(sectionAssignmentText(UNASSIGNED, cy).owner).toBe('Heb ei neilltuo')
    expect(sectionAssignmentText(UNASSIGNED, en)).toEqual({ status: 'Draft', owner: 'Not assigned' })
  })

  it('keeps an owner and council as written', () => {
    expect(sectionAssignmentText({ owner: 'Ann Jones', council: 'Cyngor Caerdydd', status: 'agreed' }, cy)).toEqual({
      status: 'Cytunwyd',
      owner: 'Ann Jones, Cyngor Caerdydd'
    })
  })

  it('says a heading without words is untitled, in Welsh, and keeps a written one', () => {
    expect(outlineTitle({ text: '   ' }, cy)).toBe('Pennawd heb deitl')
    expect(outlineTitle({ text: ' Findings ' }, cy)).toBe('Findings')
  })

  it('counts words and names the assignment dialog in Welsh', () => {
    expect(cy('reportOutline.words', { count: 2 })).toBe('air')
    expect(cy('sectionAssign.title', { title: 'Canfyddiadau' })).toBe('Neilltuo “Canfyddiadau”')
  })
})
