import * as Y from 'yjs'
import { makeDocumentEditor } from './document-editor'

/**
 * Enough text to run every step of drawing a document once: headings, paragraphs, marks, a list.
 * Each text is written whole as a delta: reading a text's length before it is in a document made
 * Yjs warn ("Invalid access") 24 times on the console of every page that warmed up.
 */
export const fillWarmUpSample = (fragment: Y.XmlFragment): void => {
  const heading = new Y.XmlElement('heading')
  heading.setAttribute('level', 2 as unknown as string)
  heading.insert(0, [new Y.XmlText('Warming up')])
  const paragraphs = Array.from({ length: 12 }, (_, i) => {
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    text.applyDelta([
      { insert: `Paragraph ${i} with some words, ` },
      { insert: 'some bold', attributes: { bold: true } },
      { insert: ' and a link.', attributes: { link: { href: 'http://127.0.0.1/' } } }
    ])
    paragraph.insert(0, [text])
    return paragraph
  })
  const list = new Y.XmlElement('bulletList')
  const item = new Y.XmlElement('listItem')
  const inner = new Y.XmlElement('paragraph')
  inner.insert(0, [new Y.XmlText('An item')])
  item.insert(0, [inner])
  list.insert(0, [item])
  fragment.insert(0, [heading, ...paragraphs, list])
}

/**
 * Builds and throws away one editor, bound to a sample text in a document of its own (never
 * saved, synced or shown), off the page. The first editor a page builds runs all of the
 * editor's code for the first time: the browser compiles it then, and some libraries set
 * themselves up on first use (the link extension's list of web address endings). Done while
 * the workspace is idle, the first note or report a person opens does not pay for that.
 * Failing here changes nothing: the real editor simply pays it instead.
 */
export const warmUpEditor = (): void => {
  const doc = new Y.Doc()
  try {
    const fragment = doc.getXmlFragment('warm-up')
    fillWarmUpSample(fragment)
    const element = document.createElement('div')
    const editor = makeDocumentEditor({ element, fragment, label: 'Warm-up', user: { name: 'Warm-up', color: '#374151' } })
    editor.destroy()
    // Read by the editor benchmark, which opens a report only once the app has done this.
    performance.mark('mutual:editor:warm')
  } catch {
    // Nothing to undo: the document and the element were never anyone's.
  } finally {
    doc.destroy()
  }
}
