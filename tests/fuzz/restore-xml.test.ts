import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { restoreXmlChildren } from '../../src/crdt/restore-xml'
import { fuzzSeeds, makeRandom } from './seeded-random'

type Random = ReturnType<typeof makeRandom>
type Node = Y.XmlElement | Y.XmlText

const WORDS = ['lab', 'council', 'food', 'hub', 'café', 'Cymru', '🙂', 'budget', '£10', 'a', '']
const FORMATS: Record<string, unknown>[] = [{}, { bold: true }, { italic: true }, { bold: true, italic: true }, { link: { href: 'https://example.org/x' } }]
const BLOCKS = ['paragraph', 'heading', 'blockquote', 'bulletList'] as const

const words = (random: Random): string => Array.from({ length: 1 + random.int(4) }, () => random.pick(WORDS)).join(' ')

/** Gives every text in a newly inserted block its words (a text takes content once it is in a document). */
const fillTexts = (node: Node, random: Random): void => {
  if (node instanceof Y.XmlText) {
    for (let i = 1 + random.int(3); i > 0; i--) node.insert(node.length, words(random), { ...random.pick(FORMATS) })
    return
  }
  for (const child of node.toArray()) fillTexts(child as Node, random)
}

/** A block as the editor writes one: a paragraph, a heading with a level, a quote or a list. */
const makeBlock = (random: Random, depth = 0): Y.XmlElement => {
  const kind = depth > 1 ? 'paragraph' : random.pick(BLOCKS)
  const block = new Y.XmlElement(kind)
  if (kind === 'heading') block.setAttribute('level', String(1 + random.int(3)))
  if (kind === 'bulletList' || kind === 'blockquote') {
    const items = Array.from({ length: 1 + random.int(3) }, () => {
      const item = new Y.XmlElement(kind === 'bulletList' ? 'listItem' : 'paragraph')
      item.insert(0, kind === 'bulletList' ? [makeBlock(random, depth + 1)] : [new Y.XmlText()])
      return item
    })
    block.insert(0, items)
  } else block.insert(0, [new Y.XmlText()])
  return block
}

const insertBlocks = (random: Random, fragment: Y.XmlFragment, at: number, blocks: Y.XmlElement[]): void => {
  fragment.insert(at, blocks)
  for (const block of blocks) fillTexts(block, random)
}

/** Every text of a rich text, in document order. */
const textsOf = (node: Y.XmlFragment): Y.XmlText[] =>
  node.toArray().flatMap((child) => (child instanceof Y.XmlText ? [child] : child instanceof Y.XmlElement ? textsOf(child) : []))
const elementsOf = (node: Y.XmlFragment): Y.XmlElement[] =>
  node.toArray().flatMap((child) => (child instanceof Y.XmlElement ? [child, ...elementsOf(child)] : []))

/** One edit a person could make: typing, deleting, formatting, adding, removing or changing blocks. */
const edit = (random: Random, body: Y.XmlFragment): void => {
  const texts = textsOf(body)
  const elements = elementsOf(body)
  const choice = random.int(7)
  if (choice === 0 && texts.length > 0) {
    const text = random.pick(texts)
    text.insert(random.int(text.length + 1), words(random), { ...random.pick(FORMATS) })
  } else if (choice === 1 && texts.length > 0) {
    const text = random.pick(texts)
    if (text.length > 0) {
      const from = random.int(text.length)
      text.delete(from, 1 + random.int(text.length - from))
    }
  } else if (choice === 2 && texts.length > 0) {
    const text = random.pick(texts)
    if (text.length > 0) {
      const from = random.int(text.length)
      text.format(from, 1 + random.int(text.length - from), { bold: random.chance(0.5) ? true : null })
    }
  } else if (choice === 3) insertBlocks(random, body, random.int(body.length + 1), [makeBlock(random)])
  else if (choice === 4 && body.length > 0) body.delete(random.int(body.length), 1)
  else if (choice === 5 && elements.length > 0) {
    const headings = elements.filter((element) => element.nodeName === 'heading')
    if (headings.length > 0) random.pick(headings).setAttribute('level', String(1 + random.int(3)))
  } else if (choice === 6 && body.length > 1) {
    // Moving a block: out, then back in elsewhere as a copy (as the editor does).
    const from = random.int(body.length)
    const moved = (body.get(from) as Node).clone() as Y.XmlElement
    body.delete(from, 1)
    body.insert(random.int(body.length + 1), [moved])
  }
}

/** Everything a rich text says: element names, attributes, and each text's characters and formatting. */
const shape = (node: Y.XmlFragment | Y.XmlText): unknown =>
  node instanceof Y.XmlText
    ? node.toDelta()
    : {
        name: node instanceof Y.XmlElement ? node.nodeName : '#fragment',
        attributes: node instanceof Y.XmlElement ? node.getAttributes() : {},
        children: node.toArray().map((child) => shape(child as Y.XmlElement | Y.XmlText))
      }

/**
 * Restoring a version changes only what differs (crdt/restore-xml.ts), rather than replacing
 * the whole text with a copy as it did before. Whatever was done since, the text must read
 * exactly as the version did afterwards: every block, attribute, character and format.
 */
describe('restoring a rich text to an earlier version, changing only what differs', () => {
  for (const seed of fuzzSeeds(40)) {
    it(`reads exactly as the version afterwards (seed ${seed})`, () => {
      const random = makeRandom(seed)
      const doc = new Y.Doc({ gc: false })
      const body = doc.getXmlFragment('body')
      insertBlocks(random, body, 0, Array.from({ length: 1 + random.int(8) }, () => makeBlock(random)))
      for (let i = random.int(10); i > 0; i--) edit(random, body)

      // The version: a copy of the document as it was then.
      const version = new Y.Doc({ gc: false })
      Y.applyUpdate(version, Y.encodeStateAsUpdate(doc))
      const then = version.getXmlFragment('body')
      const wanted = shape(then)

      for (let i = 1 + random.int(25); i > 0; i--) edit(random, body)
      doc.transact(() => restoreXmlChildren(body, then))
      expect(shape(body)).toEqual(wanted)

      // Another device that had the text before the restore reads the same once it has it.
      const other = new Y.Doc({ gc: false })
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
      expect(shape(other.getXmlFragment('body'))).toEqual(wanted)
    })
  }
})
