import { EditorState, TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { toolbarStateKey } from '../../../src/editor/toolbar-state'
import { schema } from './fixture-document'

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
