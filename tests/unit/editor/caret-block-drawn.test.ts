import { Schema } from '@tiptap/pm/model'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { caretBlocks } from '../../../src/editor/caret-block-drawn'

/** Paragraphs and quotes are enough to tell a top-level block from what is inside it. */
const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'text*' },
    blockquote: { group: 'block', content: 'block+' },
    text: {}
  }
})
const p = (text: string) => schema.node('paragraph', null, text ? [schema.text(text)] : [])
const quote = (...blocks: ReturnType<typeof p>[]) => schema.node('blockquote', null, blocks)

// Positions: "Summary" 0–9, the quote 9–26 (its paragraph 10–25), "" 26–28, "Findings" 28–38.
const doc = schema.node('doc', null, [p('Summary'), quote(p('Nobody judges')), p(''), p('Findings')])

const at = (anchor: number, head = anchor) => EditorState.create({ doc, selection: TextSelection.create(doc, anchor, head) })

describe('the blocks kept laid out around the caret', () => {
  it('is the top-level block that holds the caret, however deep the caret is in it', () => {
    expect(caretBlocks(at(3))).toEqual([[0, 9]])
    expect(caretBlocks(at(15))).toEqual([[9, 26]])
    // An empty line just made: the block a fast typist's next letter goes into.
    expect(caretBlocks(at(27))).toEqual([[26, 28]])
  })

  it('is both ends of a selection that spans blocks, once each', () => {
    expect(caretBlocks(at(3, 30))).toEqual([
      [0, 9],
      [28, 38]
    ])
    expect(caretBlocks(at(11, 20))).toEqual([[9, 26]])
  })
})
