import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { proposalAnswer } from '../../../src/crdt/lab-plan'
import { addPlanRow, updateProposal } from '../../../src/crdt/lab-plan-rows'
import { EOI_QUESTIONS } from '../../../src/domain/lab-plan/proposal'
import { readBodyJson } from '../../../src/editor/body-json'
import { toDocx } from '../../../src/editor/export/docx'
import { makeEoiDocument } from '../../../src/editor/export/eoi-document'
import { budgetCsvRows } from '../../../src/domain/lab-plan/budget-csv'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'
import { asha, newPlan, readPlan } from './support'

const en = makeTranslator('en')
const cy = makeTranslator('cy')

/** A plan with a proposal, two budget lines and the first question answered, and its answers as editor JSON. */
const examplePlan = () => {
  const { doc, planId } = newPlan()
  updateProposal(doc, planId, { memberAuthority: 'Oldham Council', leadMember: 'Cllr Jean Stretton', contactName: 'Asha Patel', jobTitle: 'Policy officer', fundingAsked: 1_000_000 }, asha, 3)
  addPlanRow(doc, planId, 'budget', { item: '4 x action research reviews', category: 'research', planned: 500_000 }, asha, 4)
  addPlanRow(doc, planId, 'budget', { item: 'Info-video', category: 'production', planned: 400_000 }, asha, 5)
  const idea = proposalAnswer(doc, planId, 'idea')
  if (!idea) throw new Error('no answer')
  // What the editor stores for a paragraph of text.
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Warm homes support designed with residents.')])
    idea.insert(0, [paragraph])
  })
  const answers = Object.fromEntries(EOI_QUESTIONS.map((q) => [q.key, readBodyJson(proposalAnswer(doc, planId, q.key) as Y.XmlFragment)]))
  return { plan: readPlan(doc, planId), answers }
}

const eoiText = async (tr: typeof en): Promise<string> => {
  const { plan, answers } = examplePlan()
  const bytes = await toDocx(makeEoiDocument('Warm homes lab', plan, answers, tr))
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value
}

describe('Export as EOI', () => {
  it('writes a Word document laid out like the CCIN form: the header, the six questions with answers, and the figures', async () => {
    const text = await eoiText(en)

    expect(text).toContain('Expression of Interest: Warm homes lab')
    for (const [label, value] of [
      ['Member authority', 'Oldham Council'],
      ['Lead member', 'Cllr Jean Stretton'],
      ['Name and job title', 'Asha Patel, Policy officer'],
      ['Funding asked for', '£10,000.00']
    ]) expect(text).toMatch(new RegExp(`${label}\\s+${value}`))
    const positions = EOI_QUESTIONS.map((q, i) => text.indexOf(`${i + 1}. ${q.text}`))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((x, y) => x - y)).toEqual(positions)
    expect(text.indexOf('Warm homes support designed with residents.')).toBeGreaterThan(positions[0] as number)
    expect(text.indexOf('Warm homes support designed with residents.')).toBeLessThan(positions[1] as number)
    expect(text).toMatch(/4 x action research reviews\s+Research\s+£5,000.00/)
    expect(text).toMatch(/Total\s+£9,000.00/)
  })

  it('writes the form’s own words in Welsh when the interface is in Welsh, and the lab’s words as written', async () => {
    const text = await eoiText(cy)
    expect(text).toContain('Datganiad o Ddiddordeb: Warm homes lab')
    for (const [label, value] of [
      ['Awdurdod sy’n aelod', 'Oldham Council'],
      ['Enw a swydd', 'Asha Patel, Policy officer'],
      ['Cyllid y gofynnir amdano', '£10,000.00']
    ]) expect(text).toMatch(new RegExp(`${label}\\s+${value}`))
    expect(text).toContain(`1. ${cy('labPlan.eoi.idea')}`)
    expect(text).toContain('Warm homes support designed with residents.')
    expect(text).toMatch(/4 x action research reviews\s+Ymchwil\s+£5,000.00/)
    expect(text).toMatch(/Cyfanswm\s+£9,000.00/)
    for (const english of ['Expression of Interest', 'Member authority', 'Name and job title', 'What is your idea?', 'Budget', 'Total']) expect(text).not.toContain(english)
  })
})

describe('the budget CSV', () => {
  it('names its columns, categories and totals in the interface language, and keeps each line’s own text', () => {
    const { plan } = examplePlan()
    const english = budgetCsvRows(plan.budget, plan.proposal.fundingAsked, en)
    expect(english[0]).toEqual(['Item', 'Category', 'Council', 'Planned (£)', 'Committed (£)', 'Spent (£)'])
    expect(english.at(-1)).toEqual(['Award', '', '', '10000.00', '', ''])
    const welsh = budgetCsvRows(plan.budget, plan.proposal.fundingAsked, cy)
    expect(welsh[0]).toEqual(['Eitem', cy('labPlan.budget.category'), cy('labPlan.budget.council'), 'Wedi’i gynllunio (£)', cy('labPlan.budget.committedField'), cy('labPlan.budget.spentField')])
    expect(welsh[0]).not.toEqual(english[0])
    expect(welsh[1]).toEqual(['4 x action research reviews', 'Ymchwil', '', '5000.00', '0.00', '0.00'])
    expect(welsh.at(-2)?.[0]).toBe('Cyfanswm')
    expect(welsh.at(-1)).toEqual(['Dyfarniad', '', '', '10000.00', '', ''])
  })
})
