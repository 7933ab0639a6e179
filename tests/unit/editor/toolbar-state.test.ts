import { EditorState, TextSelection } from '@tiptap/pm/state'
import { prosemirrorJSONToYXmlFragment, undo, yUndoPlugin } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { toolbarStateKey, undoRedoAvailable } from '../../../src/editor/toolbar-state'
import { FIXTURE_JSON, schema } from './fixture-document'
import { HeadlessView } from './headless-peers'

const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Findings' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Residents trust the food hub.' }] }
  ]
})

const at = (from: number, to = from) => EditorState.create({ doc, selection: TextSelection.create(doc, from, to) })

describe('toolbar state key', () => {
  it('does not change while typing plain text in a paragraph', () => {
    const before = at(15)
    const after = before.apply(before.tr.insertText('really '))
    expect(toolbarStateKey(after)).toBe(toolbarStateKey(before))
  })

  it('changes when the selection becomes bold, moves into a heading, or stops being empty', () => {
    const selected = at(22, 30)
    const bold = selected.apply(selected.tr.addMark(22, 30, schema.marks.bold!.create()))
    expect(toolbarStateKey(bold)).not.toBe(toolbarStateKey(selected))
    expect(toolbarStateKey(at(3))).not.toBe(toolbarStateKey(at(15)))
    expect(toolbarStateKey(at(22, 30))).not.toBe(toolbarStateKey(at(22)))
  })
})

describe('undo and redo availability', () => {
  it('follows this person’s own changes: nothing at first, Undo after typing, Redo after undoing', () => {
    const ydoc = new Y.Doc()
    const fragment = ydoc.getXmlFragment('body')
    prosemirrorJSONToYXmlFragment(schema, FIXTURE_JSON, fragment)
    const view = new HeadlessView(fragment, [yUndoPlugin()])
    try {
      expect(undoRedoAvailable(view.state)).toEqual({ undo: false, redo: false })
      view.dispatch(view.state.tr.insertText('Typed. ', 2))
      expect(undoRedoAvailable(view.state)).toEqual({ undo: true, redo: false })
      undo(view.state)
      expect(undoRedoAvailable(view.state)).toEqual({ undo: false, redo: true })
    } finally {
      view.destroy()
    }
  })
})
