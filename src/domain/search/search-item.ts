/**
 * What the workspace search indexes: one item per place a person can be taken to (a note's
 * text, one comment thread, one partner, one board note, a lab plan). Items are plain data,
 * read from the workspace by crdt/search-items and indexed off the main thread.
 */

export const SEARCH_KINDS = ['note', 'report', 'comment', 'partner', 'board-note', 'lab-plan'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

/** Where opening a result goes, beyond the artifact itself. */
export type SearchTarget =
  | { kind: 'text' }
  | { kind: 'comment'; threadId: string }
  | { kind: 'partner'; partnerId: string }
  | { kind: 'board-note'; noteId: string }
  | { kind: 'lab-plan' }

export interface SearchItem {
  /** Unique in the workspace: the artifact id, then what inside it. */
  id: string
  artifactId: string
  kind: SearchKind
  /** The name shown for the result: a note's title, a partner's name, a board's title. */
  title: string
  /** The searchable text, at most MAX_ITEM_TEXT characters. */
  text: string
  /** Who wrote or last changed it; empty when unknown or kept anonymous. */
  author: string
  council: string
  /** When it was written or last changed (ms since 1970), 0 when unknown. */
  date: number
  target: SearchTarget
}

/**
 * Bounds on the work search may do. A 15,000-word report is about 100,000 characters: text
 * beyond the cap is not found, which keeps one huge item from slowing every keystroke.
 */
export const MAX_ITEM_TEXT = 120_000
export const MAX_TITLE_TEXT = 300
export const MAX_QUERY_LENGTH = 200
/** Results shown per group (kind) before "and N more": the worker sends no more than these. */
export const MAX_RESULTS_PER_GROUP = 8

/** Cuts text to a cap without splitting a surrogate pair. */
export const capText = (text: string, max: number): string => {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut
}

/** Item ids: the artifact's own text, or one thing inside it. */
export const searchItemId = (artifactId: string, part?: string): string => (part ? `${artifactId}:${part}` : artifactId)

/** Whether an item belongs to an artifact (its own text or anything inside it). */
export const belongsTo = (itemId: string, artifactId: string): boolean =>
  itemId === artifactId || itemId.startsWith(`${artifactId}:`)
