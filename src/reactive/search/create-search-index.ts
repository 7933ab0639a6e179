import { createSignal, onCleanup, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { readArtifactSearchItems } from '../../crdt/search-items'
import { changedArtifactIds } from '../../crdt/search-changes'
import { artifactsMap } from '../../crdt/workspace-doc'
import type { ArtifactSummary } from '../../domain/artifact'
import type { SearchFilters } from '../../domain/search/search-filters'
import type { SearchItem } from '../../domain/search/search-item'
import { whenIdle } from '../../domain/when-idle'
import { createArtifactSummaries } from '../workspace-projections'
import { makeSearchClient, type SearchClient } from './search-client'
import type { SearchAnswer } from './search-engine'
import { startSearchWorker, type SearchWorkerHandle } from './search-worker-handle'

export type SearchIndexStatus =
  | { status: 'building' }
  | { status: 'ready'; items: number }
  | { status: 'error'; message: string }

export interface SearchIndex {
  status: Accessor<SearchIndexStatus>
  /** Goes up each time the index has taken in changes, so shown results can be asked again. */
  version: Accessor<number>
  /** Null when a newer search replaced this one before the worker started on it. */
  search: (query: string, filters: SearchFilters) => Promise<SearchAnswer | null>
  choices: () => Promise<{ authors: string[]; councils: string[] }>
}

export interface SearchIndexOptions {
  /** This device's member id: which private board notes it may see. */
  viewerId: () => string
  startWorker?: () => SearchWorkerHandle
  /** Changes are gathered this long before they are read, so typing is read once a pause. */
  debounceMs?: number
}

/** Artifacts read and sent per idle moment, so a big lab is read without a long task. */
const BATCH = 20
const IDLE_TIMEOUT_MS = 1000
const DEBOUNCE_MS = 300
/** A worker that keeps dying is not started for ever: after this many, search says so. */
const MAX_RESTARTS = 3

/**
 * The workspace's search index, kept in a worker. On start every artifact is read (a few at a
 * time, when the page is idle) and sent to it; after that, each change to the workspace, from
 * this person or a peer, marks the artifacts it touched, and those alone are read again after
 * a short pause. If the worker dies, a new one is started and the index is rebuilt from the
 * workspace. Lives as long as the calling component.
 */
export const createSearchIndex = (doc: Y.Doc, options: SearchIndexOptions): SearchIndex => {
  const [status, setStatus] = createSignal<SearchIndexStatus>({ status: 'building' })
  const [version, setVersion] = createSignal(0)
  const summaries = createArtifactSummaries(doc)
  const start = options.startWorker ?? startSearchWorker
  const dirty = new Set<string>()
  let handle: SearchWorkerHandle | null = null
  let client: SearchClient | null = null
  let inFlight = 0
  let restarts = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  let cancelIdle: (() => void) | null = null
  let destroyed = false

  const settleIfDone = (items: number): void => {
    if (dirty.size === 0 && inFlight === 0 && timer === null && cancelIdle === null) setStatus({ status: 'ready', items })
  }

  const readSome = (): void => {
    cancelIdle = null
    if (!client || destroyed) return
    const byId = new Map<string, ArtifactSummary>(summaries().map((s) => [s.id, s]))
    const batch: [string, SearchItem[]][] = []
    for (const id of dirty) {
      if (batch.length >= BATCH) break
      dirty.delete(id)
      batch.push([id, readArtifactSearchItems(doc, byId.get(id), { viewerId: options.viewerId() })])
    }
    if (dirty.size > 0) cancelIdle = whenIdle(readSome, IDLE_TIMEOUT_MS)
    if (batch.length === 0) return
    const sentTo = client
    inFlight += 1
    sentTo.set(batch).then(
      (items) => {
        if (sentTo !== client) return
        inFlight -= 1
        setVersion((v) => v + 1)
        settleIfDone(items)
      },
      // The worker went away; the restart has already counted everything as unread.
      () => undefined
    )
  }

  const schedule = (delay: number): void => {
    if (timer !== null || destroyed) return
    timer = setTimeout(() => {
      timer = null
      if (cancelIdle === null) cancelIdle = whenIdle(readSome, IDLE_TIMEOUT_MS)
    }, delay)
  }

  const markAll = (): void => {
    for (const id of artifactsMap(doc).keys()) dirty.add(id)
  }

  const stopWorker = (reason: string): void => {
    client?.close(reason)
    handle?.terminate()
    client = null
    handle = null
  }

  const startWorker = (): void => {
    const started = start()
    handle = started
    client = makeSearchClient(started.port)
    inFlight = 0
    started.onLost((message) => {
      if (handle !== started || destroyed) return
      stopWorker(message)
      restarts += 1
      if (restarts > MAX_RESTARTS) {
        setStatus({ status: 'error', message: 'Search is not available just now. Reload the page to try again.' })
        return
      }
      // The index was in the worker: build it again from the workspace.
      startWorker()
    })
    setStatus({ status: 'building' })
    markAll()
    schedule(0)
  }

  const observer = (events: Y.YEvent<any>[]): void => {
    for (const id of changedArtifactIds(events)) dirty.add(id)
    schedule(options.debounceMs ?? DEBOUNCE_MS)
  }
  artifactsMap(doc).observeDeep(observer)
  startWorker()

  onCleanup(() => {
    destroyed = true
    artifactsMap(doc).unobserveDeep(observer)
    if (timer !== null) clearTimeout(timer)
    cancelIdle?.()
    stopWorker('The workspace was closed.')
  })

  const withClient = <T>(use: (client: SearchClient) => Promise<T>): Promise<T> =>
    client ? use(client) : Promise.reject(new Error('Search is not available just now.'))

  return {
    status,
    version,
    search: (query, filters) => withClient((c) => c.search(query, filters)),
    choices: () => withClient((c) => c.choices())
  }
}
