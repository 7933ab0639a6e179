import type { SearchFilters } from '../../domain/search/search-filters'
import type { SearchItem } from '../../domain/search/search-item'
import type { SearchAnswer } from './search-engine'
import type { SearchPort, SearchReply, SearchRequest } from './search-protocol'

export interface SearchClient {
  /** Sends new items for some artifacts; resolves once the worker has indexed them. */
  set: (artifacts: [string, SearchItem[]][]) => Promise<number>
  search: (query: string, filters: SearchFilters) => Promise<SearchAnswer>
  choices: () => Promise<{ authors: string[]; councils: string[] }>
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

  const listener = (event: MessageEvent): void => {
    const reply = event.data as SearchReply
    if (reply.type === 'indexed') {
      indexing.shift()?.resolve(reply.items)
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

  return {
    set: (artifacts) =>
      new Promise((resolve, reject) => {
        if (closed !== null) return reject(new Error(closed))
        indexing.push({ resolve, reject })
        send({ type: 'set', artifacts })
      }),
    search: async (query, filters) =>
      (await ask<'results'>((requestId) => ({ type: 'search', requestId, query, filters }))).answer,
    choices: async () => {
      const { authors, councils } = await ask<'choices'>((requestId) => ({ type: 'choices', requestId }))
      return { authors, councils }
    },
    close: (reason) => {
      if (closed !== null) return
      closed = reason
      port.removeEventListener('message', listener)
      const error = new Error(reason)
      for (const request of waiting.values()) request.reject(error)
      for (const batch of indexing.splice(0)) batch.reject(error)
      waiting.clear()
    }
  }
}
