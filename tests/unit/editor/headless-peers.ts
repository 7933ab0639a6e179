import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState, TextSelection, type Plugin, type PluginView, type Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { absolutePositionToRelativePosition, prosemirrorJSONToYXmlFragment, relativePositionToAbsolutePosition, ySyncPlugin, ySyncPluginKey } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { schema } from './fixture-document'

/**
 * Just enough of a ProseMirror view for the collaboration binding, without a browser: it holds
 * the state, applies what is dispatched (appended transactions included, as a real view does)
 * and then lets each plugin's view update, in plugin order. It has focus when made so.
 */
export class HeadlessView {
  state: EditorState
  /** Where the caret plugin listens for focus. */
  readonly dom = new EventTarget()
  /** The caret plugin redraws only a view that is drawn. */
  readonly docView = {}
  private readonly views: PluginView[] = []

  /** How many transactions were dispatched to this view (the binding's own included). */
  dispatched = 0

  constructor(
    fragment: Y.XmlFragment,
    extraPlugins: Plugin[],
    private readonly focused = false,
    /** A first document and the binding's map for it (src/editor/initial-document.ts); else the binding draws it. */
    start?: { doc: ProseMirrorNode; mapping: Map<Y.AbstractType<any>, ProseMirrorNode | ProseMirrorNode[]> }
  ) {
    this.state = EditorState.create({ schema, doc: start?.doc, plugins: [ySyncPlugin(fragment, start ? { mapping: start.mapping } : {}), ...extraPlugins] })
    // One by one, as a real view makes them: the binding's first drawing updates those made before.
    for (const plugin of this.state.plugins) if (plugin.spec.view) this.views.push(plugin.spec.view(this.asView()))
  }

  dispatch(tr: Transaction): void {
    this.dispatched++
    const previous = this.state
    this.state = this.state.apply(tr)
    for (const view of this.views) view.update?.(this.asView(), previous)
  }

  /** What the plugins are given: this stands in for the few parts of a view they read. */
  private asView(): EditorView {
    return this as unknown as EditorView
  }

  hasFocus(): boolean {
    return this.focused
  }

  destroy(): void {
    for (const view of this.views) view.destroy?.()
  }
}

/** One person: a Y.Doc of their own with the report's text, and an editor bound to it. */
export interface HeadlessPeer {
  doc: Y.Doc
  view: HeadlessView
}

const heading = (text: string) => ({ type: 'heading', attrs: { level: 1, sectionId: `s${text.replace(/\W/g, '').toLowerCase().padEnd(9, 'x').slice(0, 9)}` }, content: [{ type: 'text', text }] })
const emptyParagraph = { type: 'paragraph' }

/** The CCIN report template's shape: each section a heading and an empty paragraph. */
export const CCIN_SECTIONS = ['Summary', 'Background', 'Method', 'Findings', 'Case studies', 'Recommendations', 'Values and principles', 'Next steps']
const ccinReport = { type: 'doc', content: CCIN_SECTIONS.flatMap((title) => [heading(title), emptyParagraph]) }

/**
 * Two people with the same report, each edit of one reaching the other at once (as one
 * Yjs update, as the sync layer delivers it).
 */
export const openTwoPeers = (
  extraPlugins: (peer: 0 | 1, doc: Y.Doc) => Plugin[],
  options: { focused?: boolean } = {}
): [HeadlessPeer, HeadlessPeer] => {
  const docs = [new Y.Doc(), new Y.Doc()] as const
  prosemirrorJSONToYXmlFragment(schema, ccinReport, docs[0].getXmlFragment('body'))
  Y.applyUpdate(docs[1], Y.encodeStateAsUpdate(docs[0]))
  docs[0].on('update', (update: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(docs[1], update, 'peer'))
  docs[1].on('update', (update: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(docs[0], update, 'peer'))
  const open = (peer: 0 | 1): HeadlessPeer => ({
    doc: docs[peer],
    view: new HeadlessView(docs[peer].getXmlFragment('body'), extraPlugins(peer, docs[peer]), options.focused)
  })
  return [open(0), open(1)]
}

/** The position just inside the block that follows the heading `title` (its first line). */
export const lineUnder = (doc: ProseMirrorNode, title: string): number => {
  let found = -1
  doc.forEach((node, offset, index) => {
    if (found < 0 && node.type.name === 'heading' && node.textContent === title && index + 1 < doc.childCount) {
      found = offset + node.nodeSize + 1
    }
  })
  if (found < 0) throw new Error(`No line under "${title}"`)
  return found
}

export const putCaret = (peer: HeadlessPeer, position: number): void => {
  peer.view.dispatch(peer.view.state.tr.setSelection(TextSelection.create(peer.view.state.doc, position)))
}

/** Types `text` one key at a time at the caret, each key its own change, as a person types. */
export const typeKeys = (peer: HeadlessPeer, text: string): void => {
  for (const key of text) peer.view.dispatch(peer.view.state.tr.insertText(key))
}

/** The heading of the section that holds a position, and that block's text: "Findings / text". */
export const placeOf = (doc: ProseMirrorNode, position: number): string => {
  const $pos = doc.resolve(position)
  let title = '(before any heading)'
  for (let i = 0; i < $pos.index(0); i++) {
    const block = doc.child(i)
    if (block.type.name === 'heading') title = block.textContent
  }
  return `${title} / ${doc.child($pos.index(0)).textContent}`
}

/** Where this person's caret is drawn for the other person: what it publishes, read back on their side. */
export const caretAsSeenBy = (owner: HeadlessPeer, viewer: HeadlessPeer): number | null => {
  const mine = ySyncPluginKey.getState(owner.view.state)
  const theirs = ySyncPluginKey.getState(viewer.view.state)
  if (!mine?.binding || !theirs?.binding) return null
  const published = absolutePositionToRelativePosition(owner.view.state.selection.head, mine.type, mine.binding.mapping)
  const sent = Y.createRelativePositionFromJSON(JSON.parse(JSON.stringify(Y.relativePositionToJSON(published))))
  return relativePositionToAbsolutePosition(viewer.doc, theirs.type, sent, theirs.binding.mapping)
}
