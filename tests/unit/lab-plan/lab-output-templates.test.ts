import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { artifactBody } from '../../../src/crdt/artifacts'
import { createReport } from '../../../src/crdt/report-sections'
import { EOI_QUESTIONS } from '../../../src/domain/lab-plan/proposal'
import { findReportTemplate } from '../../../src/domain/templates/report-templates'
import { asha, newWorkspace } from '../notes/fixtures'

const levelOneHeadings = (doc: Y.Doc, id: Parameters<typeof artifactBody>[1]): string[] =>
  artifactBody(doc, id)!
    .toArray()
    .filter((node) => (node as Y.XmlElement).nodeName === 'heading' && Number((node as Y.XmlElement).getAttribute('level')) === 1)
    .map((node) => (node as Y.XmlElement).firstChild!.toString())

describe('templates for what labs promise to produce', () => {
  it('are offered as reports, each with sections that fit its purpose', () => {
    const expected: Record<string, string[]> = {
      'eoi-draft': ['About the proposal', ...EOI_QUESTIONS.map((q, i) => `${i + 1}. ${q.text}`)],
      'case-study': ['Summary', 'The place and the challenge', 'What was done, and who with', 'Results and evidence', 'What it cost', 'How to replicate it', 'Contacts and further reading'],
      toolkit: ['Who this guide is for', 'Before you start', 'Step by step', 'Tools and templates', 'Common pitfalls', 'Where to get help'],
      'feasibility-study': ['Summary and recommendation', 'The need', 'Options considered', 'Costs and benefits', 'Risks', 'Legal and governance', 'Next steps'],
      'design-brief': ['The problem to solve', 'Who it is for', 'Design principles', 'Constraints (budget, time, data, law)', 'How residents will take part', 'How we will know it works', 'Deliverables and dates']
    }
    for (const [templateId, headings] of Object.entries(expected)) {
      const template = findReportTemplate(templateId)
      if (!template) throw new Error(`${templateId} is not offered`)
      const doc = newWorkspace()
      const id = createReport(doc, { title: template.title, template }, asha, 1)
      expect(levelOneHeadings(doc, id), templateId).toEqual(headings)
    }
  })
})
