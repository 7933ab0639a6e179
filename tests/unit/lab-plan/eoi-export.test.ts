import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { proposalAnswer } from '../../../src/crdt/lab-plan'
import { addPlanRow, updateProposal } from '../../../src/crdt/lab-plan-rows'
import { EOI_QUESTIONS } from '../../../src/domain/lab-plan/proposal'
import { readBodyJson } from '../../../src/editor/body-json'
import { toDocx } from '../../../src/editor/export/docx'
import { makeEoiDocument } from '../../../src/editor/export/eoi-document'
import { asha, newPlan, readPlan } from './support'

describe('Export as EOI', () => {
  it('writes a Word document laid out like the CCIN form: the header, the six questions with answers, and the figures', async () => {
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
    const bytes = await toDocx(makeEoiDocument('Warm homes lab', readPlan(doc, planId), answers))
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })

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
})
