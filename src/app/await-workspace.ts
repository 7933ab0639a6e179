import type * as Y from 'yjs'
import { hasWorkspaceContent } from '../crdt/workspace-doc'

/**
 * Calls `arrived` once, after the update that brings a joined workspace's content (its name)
 * into an empty document, from a peer, the relay or a file. Runs it in a microtask, outside
 * the transaction that applied the update, so it may write. Returns a function that stops
 * waiting (and cancels a call not yet made).
 */
export const awaitWorkspaceContent = (doc: Y.Doc, arrived: () => void): (() => void) => {
  let stopped = false
  const onUpdate = (): void => {
    if (!hasWorkspaceContent(doc)) return
    doc.off('update', onUpdate)
    queueMicrotask(() => {
      if (!stopped) arrived()
    })
  }
  doc.on('update', onUpdate)
  return () => {
    stopped = true
    doc.off('update', onUpdate)
  }
}
