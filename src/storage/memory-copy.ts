import * as Y from 'yjs'

/**
 * Where workspaces live when the browser offers no IndexedDB at all (some private modes):
 * in this tab's memory, so a person can still create and open workspaces until the tab
 * closes, as the app's warning says. Keyed like the databases they stand in for.
 */
const copies = new Map<string, Uint8Array[]>()

export const MEMORY_COPY_ORIGIN = 'mutual:memory-copy'

/**
 * Loads what this tab holds for `name` into `doc` and keeps every later change; returns the
 * function that stops keeping them.
 */
export const keepInMemory = (name: string, doc: Y.Doc): (() => void) => {
  const kept = copies.get(name) ?? []
  copies.set(name, kept)
  Y.transact(doc, () => kept.forEach((update) => Y.applyUpdate(doc, update)), MEMORY_COPY_ORIGIN, false)
  // Whatever the doc held before it was opened here is kept too, as y-indexeddb does.
  kept.push(Y.encodeStateAsUpdate(doc))
  const onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== MEMORY_COPY_ORIGIN) kept.push(update)
  }
  doc.on('update', onUpdate)
  return () => doc.off('update', onUpdate)
}

/** Forgets every copy whose name `which` picks (a workspace's document and its artifacts' documents). */
export const forgetMemoryCopies = (which: (name: string) => boolean): void => {
  for (const name of [...copies.keys()]) if (which(name)) copies.delete(name)
}
