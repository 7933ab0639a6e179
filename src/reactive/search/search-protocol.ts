import type { SearchFilters } from '../../domain/search/search-filters'
import type { SearchItem } from '../../domain/search/search-item'
import type { SearchAnswer } from './search-engine'

/**
 * Messages between the workspace page and the search worker. Both ends are this app's own
 * code in one origin; the items were already read through the validating crdt readers.
 */
export type SearchRequest =
  /** Replaces the items of each listed artifact (an empty list removes it). */
  | { type: 'set'; artifacts: [artifactId: string, items: SearchItem[]][] }
  | { type: 'search'; requestId: number; query: string; filters: SearchFilters }
  | { type: 'choices'; requestId: number }
  /** Loads the index this device kept for the workspace, if any, in place of the one in use. */
  | { type: 'restore'; requestId: number; workspaceId: string; reader: string; coverage: string }
  /** Keeps the index as it is now, as covering `coverage` of the workspace. */
  | { type: 'keep'; workspaceId: string; reader: string; coverage: string }

export type RestoreOutcome = 'same' | 'older' | 'none'

export type SearchReply =
  | { type: 'indexed'; items: number; ms: number }
  | { type: 'results'; requestId: number; answer: SearchAnswer; ms: number }
  | { type: 'choices'; requestId: number; authors: string[]; councils: string[] }
  /**
   * same: the kept index covers the workspace as it is; older: it was kept before changes
   * since (everything must be read again, though unchanged items are not indexed again);
   * none: nothing usable was kept, the index is empty.
   */
  | { type: 'restored'; requestId: number; outcome: RestoreOutcome; items: number }
  /** The index was kept: `ms` the worker was busy with it, searches waiting meanwhile. */
  | { type: 'kept'; ms: number }

/** The part of a Worker (or a MessagePort, in tests) the two ends use. */
export interface SearchPort {
  postMessage: (message: unknown) => void
  addEventListener: (type: 'message', listener: (event: MessageEvent) => void) => void
  removeEventListener: (type: 'message', listener: (event: MessageEvent) => void) => void
}
