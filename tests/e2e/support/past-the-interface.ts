// A device whose interface was got round (as by someone using the browser's developer tools):
// it writes to its own copy of the workspace directly, through the Yjs document the open note's
// editor is bound to (@tiptap/y-tiptap's plugin state). Its sync then treats the change as this
// device's own, so a test can see what the other devices make of it.
import type { Page } from 'playwright-core'
import type * as Y from 'yjs'
import { noteText } from './editor-driver'

type EditorElement = { editor: { state: { plugins: { key: string; getState(state: unknown): unknown }[] } } }
/** Where holdTheNote keeps its handle, in the page. */
type HoldingWindow = { heldNote?: { doc: Y.Doc; type: Y.XmlFragment } }

/**
 * Keeps a handle, in the page, on the Yjs document and text the open note's editor is bound to,
 * as someone with developer tools could: it outlives the editor, so writePastTheInterface can
 * still use it once the interface offers no editor at all (a removed device's is read-only).
 */
export const holdTheNote = async (page: Page): Promise<void> => {
  // A note's editor is built when it is first focused (editor/deferred-editor.ts).
  await noteText(page).focus()
  await noteText(page).evaluate((element) => {
    const { editor } = element as unknown as EditorElement
    const held = editor.state.plugins.find((p) => p.key === 'y-sync$')?.getState(editor.state) as HoldingWindow['heldNote']
    if (!held) throw new Error('The note has no live editor to take a handle from')
    ;(window as unknown as HoldingWindow).heldNote = held
  })
}

/**
 * Writes past the interface: `note-text` puts `text` at the start of the open note's first block;
 * `credit-another-member` adds this device's Yjs client id to another member's authorship record.
 * It goes through the handle holdTheNote kept, if any, or else the open note's editor.
 * Returns the device's Yjs client id, and the member it credited (when it did).
 */
export const writePastTheInterface = (page: Page, write: 'note-text' | 'credit-another-member', text = ''): Promise<{ client: number; credited: string | null }> =>
  noteText(page).evaluate(
    (element, { write, text }) => {
      const { editor } = element as unknown as EditorElement
      const sync =
        (window as unknown as HoldingWindow).heldNote ??
        (editor.state.plugins.find((p) => p.key === 'y-sync$')?.getState(editor.state) as { doc: Y.Doc; type: Y.XmlFragment })
      if (write === 'note-text') {
        // The first block's text (a Y.XmlText has toDelta; an element does not).
        const blocks = sync.type.toArray() as Y.XmlElement[]
        const textNode = blocks.flatMap((block) => block.toArray()).find((child) => typeof (child as Y.XmlText).toDelta === 'function') as Y.XmlText
        textNode.insert(0, text)
        return { client: sync.doc.clientID, credited: null }
      }
      // Another member's authorship record: this device's client id added to their ids.
      const users = sync.doc.getMap('users')
      const [memberId, record] = [...users.entries()].find(([, held]) => !((held as Y.Map<Y.Array<number>>).get('ids')?.toArray() ?? []).includes(sync.doc.clientID)) as [string, Y.Map<Y.Array<number>>]
      record.get('ids')!.push([sync.doc.clientID])
      return { client: sync.doc.clientID, credited: memberId }
    },
    { write, text }
  )

/** The client ids one member's authorship record credits to them, in this page's live copy. */
export const creditedTo = (page: Page, memberId: string): Promise<number[]> =>
  noteText(page).evaluate((element, memberId) => {
    const { editor } = element as unknown as EditorElement
    const sync = editor.state.plugins.find((p) => p.key === 'y-sync$')?.getState(editor.state) as { doc: Y.Doc }
    return (sync.doc.getMap('users').get(memberId) as Y.Map<Y.Array<number>> | undefined)?.get('ids')?.toArray() ?? []
  }, memberId)
