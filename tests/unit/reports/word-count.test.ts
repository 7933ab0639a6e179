import { describe, expect, it } from 'vitest'
import { artifactBody } from '../../../src/crdt/artifacts'
import { createReport } from '../../../src/crdt/report-sections'
import { findReportTemplate } from '../../../src/domain/templates/report-templates'
import { readBodyJson } from '../../../src/editor/body-json'
import { countDocumentWords } from '../../../src/editor/outline'
import { schema } from '../editor/fixture-document'
import { asha, newWorkspace } from '../notes/fixtures'

const labReport = findReportTemplate('ccin-lab-report')!
const text = (value: string) => ({ type: 'text', text: value })

describe('a report’s word count', () => {
  it('is nought for a new report: the template’s headings are not words anyone wrote', () => {
    const doc = newWorkspace()
    const id = createReport(doc, { title: 'Food lab report', template: labReport }, asha, 1)
    const body = schema.nodeFromJSON(readBodyJson(artifactBody(doc, id)!))
    expect(countDocumentWords(body)).toBe(0)
  })

  it('counts the body text written under the headings, lists and tables included', () => {
    const body = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [text('Summary of findings')] },
        { type: 'paragraph', content: [text('Residents trust the food hub.')] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('Open late')] }] }] },
        { type: 'heading', attrs: { level: 2 }, content: [text('Next')] },
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [text('Oldham Council')] }] }] }
          ]
        }
      ]
    })
    expect(countDocumentWords(body)).toBe(5 + 2 + 2)
  })
})
