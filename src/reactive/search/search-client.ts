import type { SearchFilters } from '../../domain/search/search-filters'
import type { SearchItem } from '../../domain/search/search-item'
import type { SearchAnswer } from './search-engine'
import { SEARCH_MEASURES } from './search-measures'
import type { RestoreOutcome, SearchPort, SearchReply, SearchRequest } from './search-protocol'

export interface SearchClient {
  /** Sends new items for some artifacts; resolves once the worker has indexed them. */
  set: (artifacts: [string, SearchItem[]][]) => Promise<number>
  /**
   * The answer, or null when a newer search took this one's place before it was sent: only one
   * search is with the worker at a time, and of those typed meanwhile only the latest is asked.
   */
  search: (query: string, filters: SearchFilters) => Promise<SearchAnswer | null>
  choices: () => Promise<{ authors: string[]; councils: string[] }>
  /** Loads the index kept on this device for the workspace; say what it covers. */
  restore: (workspaceId: string, reader: string, coverage: string) => Promise<{ outcome: RestoreOutcome; items: number }>
  /** Asks the worker to keep the index as it is now (nothing comes back). */
  keep: (workspaceId: string, reader: string, coverage: string) => void
  /** Fails every request still waiting (the worker is gone) and stops listening. */
  close: (reason: string) => void
}

/**
 * The page's side of the search worker: requests with ids, answered in order. The worker
 * answers in the order it was asked, so `set` batches resolve first in, first out.
 */
export const makeSearchClient = (port: SearchPort): SearchClient => {
  let nextId = 1
  const waiting = new Map<number, { resolve: (reply: SearchReply) => void; reject: (error: Error) => void }>()
  const indexing: { resolve: (items: number) => void; reject: (error: Error) => void }[] = []
  let closed: string | null = null
  interface QueuedSearch {
    query: string
    filters: SearchFilters
    resolve: (answer: SearchAnswer | null) => void
    reject: (error: Error) => void
  }
  let searching = false
  let queued: QueuedSearch | null = null

  const listener = (event: MessageEvent): void => {
    const reply = event.data as SearchReply
    if (reply.type === 'indexed') {
      indexing.shift()?.resolve(reply.items)
      return
    }
    if (reply.type === 'kept') {
      const now = performance.now()
      performance.measure(SEARCH_MEASURES.keep, { start: now - reply.ms, end: now })
      return
    }
    const request = waiting.get(reply.requestId)
    waiting.delete(reply.requestId)
    request?.resolve(reply)
  }
  port.addEventListener('message', listener)

  const send = (request: SearchRequest): void => {
    if (closed !== null) throw new Error(closed)
    port.postMessage(request)
  }

  const ask = <T extends SearchReply['type']>(make: (requestId: number) => SearchRequest): Promise<Extract<SearchReply, { type: T }>> =>
    new Promise((resolve, reject) => {
      if (closed !== null) return reject(new Error(closed))
      const requestId = nextId++
      waiting.set(requestId, { resolve: resolve as (reply: SearchReply) => void, reject })
      send(make(requestId))
    })

  // A query the worker has not started on is worthless once another letter is typed: asking
  // it anyway would put a whole search between the person and the results they now want.
  const runSearch = (search: QueuedSearch): void => {
    searching = true
    const asked = performance.now()
    ask<'results'>((requestId) => ({ type: 'search', requestId, query: search.query, filters: search.filters })).then(
      (reply) => {
        // Read by the search benchmark: where a keystroke's time goes (the worker's own work,
        // and the whole trip, which also counts anything the worker was busy with first).
        const now = performance.now()
        performance.measure(SEARCH_MEASURES.roundTrip, { start: asked, end: now })
        performance.measure(SEARCH_MEASURES.worker, { start: now - reply.ms, end: now })
        search.resolve(reply.answer)
      },
      search.reject
    ).finally(() => {
      searching = false
      const waiting = queued
      queued = null
      if (waiting && closed === null) runSearch(waiting)
    })
  }

  return {
    set: (artifacts) =>
      new Promise((resolve, reject) => {
        if (closed !== null) return reject(new Error(closed))
        indexing.push({ resolve, reject })
        send({ type: 'set', artifacts })
      }),
    search: (query, filters) =>
      new Promise((resolve, reject) => {
        if (closed !== null) return reject(new Error(closed))
        const search = { query, filters, resolve, reject }
        if (!searching) return runSearch(search)
        queued?.resolve(null)
        queued = search
      }),
    choices: async () => {
      const { authors, councils } = await ask<'choices'>((requestId) => ({ type: 'choices', requestId }))
      return { authors, councils }
    },
    restore: async (workspaceId, reader, coverage) => {
      const { outcome, items } = await ask<'restored'>((requestId) => ({ type: 'restore', requestId, workspaceId, reader, coverage }))
      return { outcome, items }
    },
    keep: (workspaceId, reader, coverage) => send({ type: 'keep', workspaceId, reader, coverage }),
    close: (reason) => {
      if (closed !== null) return
      closed = reason
      port.removeEventListener('message', listener)
      const error = new Error(reason)
      for (const request of waiting.values()) request.reject(error)
      for (const batch of indexing.splice(0)) batch.reject(error)
      queued?.reject(error)
      queued = null
      waiting.clear()
    }
  }
}
