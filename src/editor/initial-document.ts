import { Extension, type Content } from '@tiptap/core'
import { Fragment, Slice, type Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import { initProseMirrorDoc, type ProsemirrorMapping } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'

/**
 * The editor's first document, read from a body's Yjs text, and the binding's map from each
 * Yjs block to the block made for it: exactly what the collaboration binding would draw in its
 * first step (the same blocks, fitted into an empty document the same way), made before the
 * editor's view exists.
 *
 * WHY: left to itself, the binding starts from an empty document, draws it, then replaces the
 * whole document in one transaction that every plugin takes in (the link plugin scanned a long
 * report's every word for web addresses) and the view draws again. Given this document and
 * map, the view draws the text once and there is no first transaction.
 */
export const initialDocument = (fragment: Y.XmlFragment, schema: Schema): { doc: ProseMirrorNode; mapping: ProsemirrorMapping } => {
  // The blocks, and the map, as the binding makes them (it may repair what the schema refuses).
  const { doc: read, mapping } = initProseMirrorDoc(fragment, schema)
  // The binding's first step replaces the content of an empty document with those blocks.
  const empty = schema.topNodeType.createAndFill()
  if (!empty) throw new Error('The document schema has no empty document')
  const doc = new Transform(empty).replace(0, empty.content.size, new Slice(Fragment.from(read.content), 0, 0)).doc
  return { doc, mapping }
}

/**
 * Gives the editor its first document from the body's text, once its schema exists and before
 * its view is made; `mapping` is the map the collaboration binding is given, filled here.
 */
export const InitialDocument = Extension.create<{ fragment: Y.XmlFragment | null; mapping: ProsemirrorMapping }>({
  name: 'initialDocument',
  addOptions: () => ({ fragment: null, mapping: new Map() }),
  onBeforeCreate() {
    const { fragment, mapping } = this.options
    if (!fragment) return
    const first = initialDocument(fragment, this.editor.schema)
    mapping.clear()
    first.mapping.forEach((node, type) => mapping.set(type, node))
    // The node itself, not its JSON: the map holds these very blocks. The editor takes a node
    // as it is (its content is checked by `nodesBetween`), though its type says only JSON or HTML.
    this.editor.setOptions({ content: first.doc as unknown as Content })
  }
})
