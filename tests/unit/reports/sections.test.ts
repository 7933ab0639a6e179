import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { artifactBody } from '../../../src/crdt/artifacts'
import { assignSection, createReport, readSectionAssignments } from '../../../src/crdt/report-sections'
import { countWords } from '../../../src/domain/report'
import { REPORT_TEMPLATES, findReportTemplate } from '../../../src/domain/templates/report-templates'
import { asha, ben, copyOf, exchange, newWorkspace } from '../notes/fixtures'

const labReport = findReportTemplate('ccin-lab-report')!

const sectionIds = (doc: Y.Doc, id: Parameters<typeof artifactBody>[1]): Record<string, string> => {
  const result: Record<string, string> = {}
  for (const node of artifactBody(doc, id)!.toArray()) {
    const element = node as Y.XmlElement
    if (element.nodeName === 'heading') result[element.firstChild!.toString()] = element.getAttribute('sectionId') as string
  }
  return result
}

describe('report sections', () => {
  it('the CCIN lab report template has the usual sections as level-1 headings', () => {
    const doc = newWorkspace()
    const id = createReport(doc, { title: 'Food lab report', template: labReport }, asha, 1)
    expect(Object.keys(sectionIds(doc, id))).toEqual([
      'Summary',
      'Background',
      'Method',
      'Findings',
      'Case studies',
      'Recommendations',
      'Values and principles',
      'Next steps'
    ])
    expect(REPORT_TEMPLATES.map((t) => t.id)).toContain('blank-report')
  })

  it('assigns a section to a council and owner with a status', () => {
    const doc = newWorkspace()
    const id = createReport(doc, { title: 'Report', template: labReport }, asha, 1)
    const findings = sectionIds(doc, id)['Findings']!
    expect(readSectionAssignments(doc, id)).toEqual({})
    expect(assignSection(doc, id, findings, { owner: 'Ben Okafor', council: 'Preston City Council' }, asha, 2)).toBe(true)
    expect(assignSection(doc, id, findings, { status: 'in-review' }, asha, 3)).toBe(true)
    expect(readSectionAssignments(doc, id)).toEqual({
      [findings]: { owner: 'Ben Okafor', council: 'Preston City Council', status: 'in-review' }
    })
  })

  it('refuses unknown statuses and malformed section ids without writing anything', () => {
    const doc = newWorkspace()
    const id = createReport(doc, { title: 'Report', template: labReport }, asha, 1)
    const summary = sectionIds(doc, id)['Summary']!
    const before = Y.encodeStateVector(doc)
    expect(assignSection(doc, id, summary, { status: 'done' as never }, asha, 2)).toBe(false)
    expect(assignSection(doc, id, 'not an id', { owner: 'X' }, asha, 2)).toBe(false)
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('two people assigning the same new section at once keep both changes (owner here, status there)', () => {
    const a = newWorkspace()
    const id = createReport(a, { title: 'Report', template: labReport }, asha, 1)
    const method = sectionIds(a, id)['Method']!
    const b = copyOf(a)
    assignSection(a, id, method, { owner: 'Asha Patel', council: 'Oldham Council' }, asha, 2)
    assignSection(b, id, method, { status: 'agreed' }, ben, 2)
    exchange(a, b)
    const expected = { [method]: { owner: 'Asha Patel', council: 'Oldham Council', status: 'agreed' } }
    expect(readSectionAssignments(a, id)).toEqual(expected)
    expect(readSectionAssignments(b, id)).toEqual(expected)
  })

  it('the assignment follows the heading when the text around it changes, keyed by its id', () => {
    const doc = newWorkspace()
    const id = createReport(doc, { title: 'Report', template: labReport }, asha, 1)
    const findings = sectionIds(doc, id)['Findings']!
    assignSection(doc, id, findings, { owner: 'Ben' }, asha, 2)
    const body = artifactBody(doc, id)!
    doc.transact(() => {
      body.delete(0, 4) // someone removes Summary and Background with their paragraphs
      const heading = body.toArray().find((n) => (n as Y.XmlElement).getAttribute('sectionId') === findings) as Y.XmlElement
      ;(heading.firstChild as Y.XmlText).insert(0, 'Key ')
    })
    expect(sectionIds(doc, id)['Key Findings']).toBe(findings)
    expect(readSectionAssignments(doc, id)[findings]?.owner).toBe('Ben')
  })

  it('counts words as a reader would', () => {
    expect(countWords('')).toBe(0)
    expect(countWords('The lab’s co-operative approach, in 2026: 3 councils.')).toBe(8)
    expect(countWords('  one\ntwo\tthree  ')).toBe(3)
  })
})
