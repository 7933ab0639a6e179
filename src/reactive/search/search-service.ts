import { makeSearchEngine } from './search-engine'
import type { SearchPort, SearchReply, SearchRequest } from './search-protocol'

/**
 * The worker's side: one search engine, answering requests in the order they come. Batches
 * of items are indexed as they arrive, so a search waits at most for the batch before it.
 * Returns a function that stops serving.
 */
export const serveSearch = (port: SearchPort): (() => void) => {
  const engine = makeSearchEngine()
  const reply = (message: SearchReply): void => port.postMessage(message)
  const listener = (event: MessageEvent): void => {
    const request = event.data as SearchRequest
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
    }
  }
  port.addEventListener('message', listener)
  return () => port.removeEventListener('message', listener)
}
