/**
 * The editor's first document is made from the body's Yjs text before its view exists
 * (src/editor/initial-document.ts): it must be exactly what the collaboration binding would
 * have drawn, and the binding, given it, must neither draw again nor write anything to Yjs.
 */
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initialDocument } from '../../../src/editor/initial-document'
import { FIXTURE_JSON, schema } from './fixture-document'
import { HeadlessView } from './headless-peers'

const views: HeadlessView[] = []
afterEach(() => views.splice(0).forEach((view) => view.destroy()))

/** A report's body in a Y.Doc of its own, counting the updates written to it from now on. */
const body = (json: object | null) => {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('body')
  if (json) prosemirrorJSONToYXmlFragment(schema, json, fragment)
  const written: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => written.push(update))
  return { doc, fragment, written }
}

/** What the binding draws by itself, from an empty document. */
const drawnByBinding = (json: object | null) => {
  const { fragment } = body(json)
  const view = new HeadlessView(fragment, [])
  views.push(view)
  return view.state.doc
}

describe('the editor’s first document', () => {
  it('is the document the binding draws by itself, block for block', () => {
    const { fragment } = body(FIXTURE_JSON)
    const first = initialDocument(fragment, schema)
    expect(first.doc.eq(drawnByBinding(FIXTURE_JSON))).toBe(true)
    expect(first.doc.childCount).toBeGreaterThan(5)
  })

  it('maps each Yjs block to the very block in it', () => {
    const { fragment } = body(FIXTURE_JSON)
    const first = initialDocument(fragment, schema)
    const blocks = fragment.toArray()
    expect(blocks).toHaveLength(first.doc.childCount)
    blocks.forEach((block, i) => expect(first.mapping.get(block)).toBe(first.doc.child(i)))
  })

  it('is one empty paragraph for an empty text, as the binding draws it', () => {
    const { fragment } = body(null)
    const first = initialDocument(fragment, schema)
    expect(first.doc.eq(drawnByBinding(null))).toBe(true)
    expect(first.doc.toJSON()).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] })
  })

  it('lets the binding start without drawing again or writing to Yjs, and typing then reaches Yjs', () => {
    const { fragment, written } = body(FIXTURE_JSON)
    const first = initialDocument(fragment, schema)
    const view = new HeadlessView(fragment, [], false, first)
    views.push(view)
    expect(view.dispatched).toBe(0)
    expect(view.state.doc).toBe(first.doc)
    // The first update a view makes (focus, a selection) finds nothing to write.
    view.dispatch(view.state.tr.setMeta('focus', true))
    expect(written).toHaveLength(0)
    view.dispatch(view.state.tr.insertText('Typed first. ', 2))
    expect(written.length).toBeGreaterThan(0)
    expect(fragment.toString()).toContain('Typed first. ')
  })

  it('of an empty text lets the binding start without writing the empty paragraph to Yjs', () => {
    const { fragment, written } = body(null)
    const view = new HeadlessView(fragment, [], false, initialDocument(fragment, schema))
    views.push(view)
    view.dispatch(view.state.tr.setMeta('focus', true))
    expect(view.dispatched).toBe(1)
    expect(written).toHaveLength(0)
    expect(fragment.length).toBe(0)
  })
})
