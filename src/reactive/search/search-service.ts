import { KeptSearchIndexSchema, KEPT_SEARCH_INDEX_FORMAT, keepable, type KeptSearchIndex } from '../../domain/search/kept-search-index'
import { makeSearchEngine, type KeptEngine, type SearchEngine } from './search-engine'
import type { RestoreOutcome, SearchPort, SearchReply, SearchRequest } from './search-protocol'

/** Where the worker keeps a workspace's index between visits (storage/search-index-store). */
export interface SearchShelf {
  read: (workspaceId: string) => Promise<unknown>
  write: (workspaceId: string, record: KeptSearchIndex) => Promise<void>
}

/**
 * The worker's side: one search engine, answering requests in the order they come. Batches
 * of items are indexed as they arrive, so a search waits at most for the batch before it.
 * With a shelf, it loads the index kept for a workspace and keeps it when the page asks.
 * Returns a function that stops serving.
 */
export const serveSearch = (port: SearchPort, shelf?: SearchShelf): (() => void) => {
  let engine: SearchEngine = makeSearchEngine()
  const reply = (message: SearchReply): void => port.postMessage(message)

  const restore = async (workspaceId: string, reader: string, coverage: string): Promise<RestoreOutcome> => {
    if (!shelf) return 'none'
    try {
      const kept = KeptSearchIndexSchema.safeParse(await shelf.read(workspaceId))
      if (!kept.success || kept.data.reader !== reader) return 'none'
      engine = makeSearchEngine(kept.data.engine as KeptEngine)
      return kept.data.coverage === coverage ? 'same' : 'older'
    } catch {
      // Unreadable or inconsistent: an empty index, built again from the workspace.
      engine = makeSearchEngine()
      return 'none'
    }
  }

  const keep = (workspaceId: string, reader: string, coverage: string): void => {
    if (!shelf) return
    const started = performance.now()
    const kept = engine.keep()
    if (!keepable(kept.items)) return
    // Losing the kept copy costs one rebuild on the next visit: nothing to report.
    shelf.write(workspaceId, { format: KEPT_SEARCH_INDEX_FORMAT, reader, coverage, engine: kept }).then(
      () => reply({ type: 'kept', ms: performance.now() - started }),
      () => undefined
    )
  }

  const handle = async (request: SearchRequest): Promise<void> => {
    const started = performance.now()
    switch (request.type) {
      case 'set':
        for (const [artifactId, items] of request.artifacts) engine.setArtifact(artifactId, items)
        reply({ type: 'indexed', items: engine.size(), ms: performance.now() - started })
        return
      case 'search':
        reply({ type: 'results', requestId: request.requestId, answer: engine.search(request.query, request.filters), ms: performance.now() - started })
        return
      case 'choices':
        reply({ type: 'choices', requestId: request.requestId, ...engine.choices() })
        return
      case 'restore': {
        const outcome = await restore(request.workspaceId, request.reader, request.coverage)
        reply({ type: 'restored', requestId: request.requestId, outcome, items: engine.size() })
        return
      }
      case 'keep':
        keep(request.workspaceId, request.reader, request.coverage)
        return
    }
  }

  // Requests are handled one after another even when one waits for storage, so a batch sent
  // after "restore" is indexed into the restored engine, not the one it replaces.
  let queue = Promise.resolve()
  const listener = (event: MessageEvent): void => {
    const request = event.data as SearchRequest
    queue = queue.then(() => handle(request)).catch(() => undefined)
  }
  port.addEventListener('message', listener)
  return () => port.removeEventListener('message', listener)
}
