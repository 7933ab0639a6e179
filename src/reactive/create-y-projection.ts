import type * as Y from 'yjs'
import { createRoot, onCleanup } from 'solid-js'
import { createStore, reconcile, type SetStoreFunction } from 'solid-js/store'
import { onlyRichTextChanges } from '../crdt/rich-text-events'

interface SharedProjection {
  read: () => unknown
  refs: number
  dispose: () => void
}

const shared = new WeakMap<Y.Doc, Map<string, SharedProjection>>()

/**
 * A Solid store that mirrors what `read` derives from a Yjs type, refreshed once per
 * transaction that touches the type (local or remote) and reconciled so only changed fields
 * re-render. Projections with the same key on the same doc are shared and ref-counted: the
 * Yjs observer lives while at least one component uses it.
 */
export const createYProjection = <T>(
  doc: Y.Doc,
  key: string,
  target: () => Y.AbstractType<any>,
  read: () => T,
  /**
   * Skips transactions whose changes cannot affect `read`. By default typing in a body is
   * skipped: no projection reads rich text (the editor renders it itself).
   */
  relevant: (events: Y.YEvent<any>[]) => boolean = (events) => !onlyRichTextChanges(events),
  /**
   * Brings the store up to date after a relevant transaction. By default `read` derives the
   * whole value again and it is reconciled; a large projection can patch only what changed.
   */
  patch: (events: Y.YEvent<any>[], setState: SetStoreFunction<{ value: T }>) => void = (_, setState) =>
    setState('value', reconcile(read(), { key: 'id', merge: false }))
): (() => T) => {
  let perDoc = shared.get(doc)
  if (!perDoc) {
    perDoc = new Map()
    shared.set(doc, perDoc)
  }
  let entry = perDoc.get(key)
  if (!entry) {
    const created = createRoot((dispose) => {
      const [state, setState] = createStore<{ value: T }>({ value: read() })
      const type = target()
      const refresh = (events: Y.YEvent<any>[]): void => {
        if (relevant(events)) patch(events, setState)
      }
      type.observeDeep(refresh)
      return {
        read: () => state.value,
        refs: 0,
        dispose: () => {
          type.unobserveDeep(refresh)
          dispose()
        }
      }
    })
    entry = created
    perDoc.set(key, created)
  }
  const used = entry
  const docEntries = perDoc
  used.refs += 1
  onCleanup(() => {
    used.refs -= 1
    if (used.refs === 0) {
      used.dispose()
      docEntries.delete(key)
    }
  })
  return used.read as () => T
}
