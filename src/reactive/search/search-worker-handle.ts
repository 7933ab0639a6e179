import type { SearchPort } from './search-protocol'

/** A running search worker: its port, a way to stop it, and word when it has died. */
export interface SearchWorkerHandle {
  port: SearchPort
  terminate: () => void
  onLost: (lost: (message: string) => void) => void
}

/** Starts the search index's worker (bundled by Vite from search.worker.ts). */
export const startSearchWorker = (): SearchWorkerHandle => {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'mutual-search' })
  return {
    port: worker,
    terminate: () => worker.terminate(),
    onLost: (lost) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault()
        lost(event.message || 'The search index stopped working.')
      })
      worker.addEventListener('messageerror', () => lost('The search index could not read a message.'))
    }
  }
}
