import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { readBodyJson } from '../../../src/editor/body-json'
import { FIXTURE_JSON, fixtureBody } from './fixture-document'

/**
 * readBodyJson reads a body without y-tiptap (which brings ProseMirror's view with it), so the lab
 * plan can draw its answers before the editor's code loads. It must read exactly what the
 * collaboration binding's own reader reads.
 */
describe('reading a body as editor JSON', () => {
  it('reads what the collaboration binding reads, marks and attributes included', () => {
    const { fragment } = fixtureBody()
    expect(readBodyJson(fragment)).toEqual(yXmlFragmentToProsemirrorJSON(fragment))
    expect(readBodyJson(fragment)).toMatchObject(FIXTURE_JSON)
  })

  it('names a mark kept under a hashed name (overlapping marks of one type) by its type', () => {
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('body')
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    text.insert(0, 'note', { 'comment--AbCd1234': { threadId: 't1' } })
    paragraph.insert(0, [text])
    fragment.insert(0, [paragraph])
    expect(readBodyJson(fragment)).toEqual(yXmlFragmentToProsemirrorJSON(fragment))
    expect(readBodyJson(fragment).content?.[0]?.content?.[0]?.marks).toEqual([{ type: 'comment', attrs: { threadId: 't1' } }])
  })
})
