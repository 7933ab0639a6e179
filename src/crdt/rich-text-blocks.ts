import * as Y from 'yjs'
import { makeSectionId } from '../domain/report'
import type { TemplateBlock } from '../domain/templates/template'

/**
 * Writes template blocks into an artifact's body in the shape the editor's Yjs binding
 * (y-prosemirror) keeps: one Y.XmlElement per node, named as the editor schema names it,
 * node attributes as element attributes, and text in Y.XmlText. Every heading gets its
 * stable section id here, at creation, so no two peers ever race to give it one.
 */

const paragraph = (text: string): Y.XmlElement => {
  const element = new Y.XmlElement('paragraph')
  if (text) element.insert(0, [new Y.XmlText(text)])
  return element
}

const listItem = (text: string): Y.XmlElement => {
  const item = new Y.XmlElement('listItem')
  item.insert(0, [paragraph(text)])
  return item
}

const cell = (name: 'tableHeader' | 'tableCell', text: string): Y.XmlElement => {
  const element = new Y.XmlElement(name)
  element.insert(0, [paragraph(text)])
  return element
}

const row = (cells: Y.XmlElement[]): Y.XmlElement => {
  const element = new Y.XmlElement('tableRow')
  element.insert(0, cells)
  return element
}

const toElement = (block: TemplateBlock): Y.XmlElement => {
  switch (block.type) {
    case 'heading': {
      const heading = new Y.XmlElement('heading')
      // The binding stores node attributes as they are: the level is a number, as the editor
      // writes it (Yjs' typings say attributes are strings; they may be any plain value).
      heading.setAttribute('level', block.level as unknown as string)
      heading.setAttribute('sectionId', makeSectionId())
      if (block.text) heading.insert(0, [new Y.XmlText(block.text)])
      return heading
    }
    case 'paragraph':
      return paragraph(block.text)
    case 'bulletList':
    case 'orderedList': {
      const list = new Y.XmlElement(block.type)
      list.insert(0, block.items.map(listItem))
      return list
    }
    case 'table': {
      const table = new Y.XmlElement('table')
      const header = row(block.header.map((text) => cell('tableHeader', text)))
      const body = Array.from({ length: block.rows }, () => row(block.header.map(() => cell('tableCell', ''))))
      table.insert(0, [header, ...body])
      return table
    }
  }
}

/**
 * Appends the blocks to a body; call inside a `mutate`. A body never ends in a list or a
 * table: an empty paragraph after it leaves somewhere to carry on writing.
 */
export const appendTemplateBlocks = (body: Y.XmlFragment, blocks: readonly TemplateBlock[]): void => {
  const last = blocks[blocks.length - 1]
  const all = last && last.type !== 'paragraph' ? [...blocks, { type: 'paragraph', text: '' } as const] : blocks
  body.insert(body.length, all.map(toElement))
}
