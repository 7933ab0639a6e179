import type { Awareness } from 'y-protocols/awareness'
import { safeProfileColour } from '../domain/colours'

/**
 * How often this person's caret position is published while they type. Without a limit
 * every keystroke sent a presence message right behind the text change, and every peer
 * redrew every caret for it: twice the messages and the receiving editor's work on the path
 * of the text itself. Carets are anchored to the text (relative positions), so a caret
 * published a moment later is still drawn in the right place meanwhile.
 */
export const CARET_PUBLISH_MS = 80

const CARET_FIELD = 'cursor'

type ChangeListener = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void

/** The part of presence that the editor's caret plugin uses. */
export interface CaretAwareness {
  readonly states: Map<number, Record<string, unknown>>
  getStates(): Map<number, Record<string, unknown>>
  getLocalState(): Record<string, unknown> | null
  setLocalStateField(field: string, value: unknown): void
  on(event: 'change' | 'update', listener: ChangeListener): void
  off(event: 'change' | 'update', listener: ChangeListener): void
}

/**
 * Presence states with each person's colour checked against the palette: the caret plugin
 * writes `user.color` into style attributes, and a peer's `url(https://…)` there would make
 * this browser fetch an outside address.
 */
const withPaletteColours = (states: Map<number, unknown>): Map<number, Record<string, unknown>> => {
  const checked = new Map<number, Record<string, unknown>>()
  for (const [clientId, state] of states) {
    if (typeof state !== 'object' || state === null) continue
    const record = state as Record<string, unknown>
    const user = record.user
    checked.set(
      clientId,
      typeof user === 'object' && user !== null
        ? { ...record, user: { ...user, color: safeProfileColour((user as Record<string, unknown>).color) } }
        : record
    )
  }
  return checked
}

/**
 * Presence as the caret plugin sees it: its own caret is published at most every
 * CARET_PUBLISH_MS, and it is told about a change only when someone else's caret or name
 * changed (not for its own caret, nor for the other presence fields that change often).
 */
export const makeCaretAwareness = (awareness: Awareness): CaretAwareness => {
  let hasPending = false
  let pending: unknown = null
  let timer: ReturnType<typeof setTimeout> | undefined
  const seenCarets = new Map<number, string>()

  const flush = (): void => {
    clearTimeout(timer)
    timer = undefined
    if (!hasPending) return
    hasPending = false
    // Presence that was torn down (local state null) has nobody left to tell.
    if (awareness.getLocalState() !== null) awareness.setLocalStateField(CARET_FIELD, pending)
  }

  const caretOf = (clientId: number): string => {
    const state = awareness.getStates().get(clientId) as Record<string, unknown> | undefined
    return JSON.stringify([state?.[CARET_FIELD] ?? null, state?.user ?? null])
  }
  const othersCaretsChanged = ({ added, updated, removed }: Parameters<ChangeListener>[0]): boolean => {
    let changed = added.length > 0 || removed.length > 0
    for (const id of removed) seenCarets.delete(id)
    for (const id of [...added, ...updated]) {
      if (id === awareness.clientID) continue
      const caret = caretOf(id)
      if (seenCarets.get(id) !== caret) changed = true
      seenCarets.set(id, caret)
    }
    return changed
  }

  // One real listener decides once per presence change whether carets changed, then tells
  // every listener the plugin registered.
  const listeners = new Set<ChangeListener>()
  const onChange: ChangeListener = (change, origin) => {
    if (othersCaretsChanged(change)) for (const listener of [...listeners]) listener(change, origin)
  }
  const listen = (listener: ChangeListener): void => {
    if (listeners.size === 0) awareness.on('change', onChange)
    listeners.add(listener)
  }
  const unlisten = (listener: ChangeListener): void => {
    if (listeners.delete(listener) && listeners.size === 0) awareness.off('change', onChange)
  }

  return {
    get states() {
      return withPaletteColours(awareness.getStates())
    },
    getStates: () => withPaletteColours(awareness.getStates()),
    getLocalState: () => {
      const local = awareness.getLocalState()
      return local && hasPending ? { ...local, [CARET_FIELD]: pending } : local
    },
    setLocalStateField: (field, value) => {
      if (field !== CARET_FIELD) {
        awareness.setLocalStateField(field, value)
        return
      }
      pending = value
      hasPending = true
      timer ??= setTimeout(flush, CARET_PUBLISH_MS)
    },
    // Both events mean "presence changed" to the caret extension; both are narrowed the same way.
    on: (_event, listener) => listen(listener),
    off: (_event, listener) => unlisten(listener)
  }
}
