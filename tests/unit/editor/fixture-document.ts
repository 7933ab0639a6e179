import { getSchema } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { makeDocumentExtensions } from '../../../src/editor/extensions'
import { readBodyJson } from '../../../src/editor/body-json'

export const schema = getSchema(makeDocumentExtensions())

const text = (value: string, ...marks: ({ type: string; attrs?: Record<string, unknown> })[]) => ({
  type: 'text',
  text: value,
  ...(marks.length ? { marks } : {})
})
const p = (...content: object[]) => ({ type: 'paragraph', content })
const li = (...content: object[]) => ({ type: 'listItem', content })
const cell = (type: 'tableHeader' | 'tableCell', value: string) => ({ type, content: [p(text(value))] })

/**
 * A lab report body with everything an export must keep: headings, emphasis, links (one of
 * them unsafe, as a hostile peer might store it), nested lists, a quote, a table and a rule.
 */
export const FIXTURE_JSON = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1, sectionId: 'sabcdefgh1' }, content: [text('Summary')] },
    p(
      text('Residents told us the '),
      text('food hub', { type: 'bold' }),
      text(' is '),
      text('trusted', { type: 'italic' }),
      text(' and '),
      text('open late', { type: 'underline' }),
      text('. See the '),
      text('council page', { type: 'link', attrs: { href: 'https://www.oldham.gov.uk/food' } }),
      text(' and '),
      text('this', { type: 'link', attrs: { href: 'javascript:alert(1)' } }),
      text('.')
    ),
    { type: 'heading', attrs: { level: 2, sectionId: 'sabcdefgh2' }, content: [text('What we heard')] },
    {
      type: 'bulletList',
      content: [
        li(p(text('Cost of living')), { type: 'bulletList', content: [li(p(text('Energy bills')))] }),
        li(p(text('Trust in *services*')))
      ]
    },
    { type: 'orderedList', attrs: { start: 1 }, content: [li(p(text('Map the hubs'))), li(p(text('Fund a coordinator')))] },
    { type: 'blockquote', content: [p(text('We come because nobody judges you here.'))] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Council'), cell('tableHeader', 'Hubs')] },
        { type: 'tableRow', content: [cell('tableCell', 'Oldham'), cell('tableCell', '12')] },
        { type: 'tableRow', content: [cell('tableCell', 'Preston'), cell('tableCell', '7 | planned')] }
      ]
    },
    { type: 'horizontalRule' },
    p(text('<script>alert("x")</script> stays text'))
  ]
}

/** The fixture stored in Yjs exactly as the editor's binding stores it, then read back. */
export const fixtureBody = () => {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('body')
  prosemirrorJSONToYXmlFragment(schema, FIXTURE_JSON, fragment)
  return { doc, fragment, json: readBodyJson(fragment) }
}
