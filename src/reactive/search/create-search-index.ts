import { searchEn } from '../../domain/i18n/areas/search.en'
import { createSignal, onCleanup, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { readArtifactSearchItems } from '../../crdt/search-items'
import { changedArtifactIds } from '../../crdt/search-changes'
import { searchCoverage } from '../../crdt/search-coverage'
import { artifactsMap } from '../../crdt/workspace-doc'
import type { ArtifactSummary } from '../../domain/artifact'
import type { SearchFilters } from '../../domain/search/search-filters'
import type { SearchItem } from '../../domain/search/search-item'
import { whenIdle } from '../../domain/when-idle'
import { createArtifactSummaries } from '../workspace-projections'
import { makeSearchClient, type SearchClient } from './search-client'
import type { SearchAnswer } from './search-engine'
import type { RestoreOutcome } from './search-protocol'
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
  /**
   * The workspace whose index this device keeps between visits: opening it again then loads
   * that index rather than reading the whole workspace. Left out, nothing is kept.
   */
  keptFor?: string
  /** How long the index must have been settled before it is kept. */
  keepAfterMs?: number
}

/** Artifacts read and sent per idle moment, so a big lab is read without a long task. */
const BATCH = 20
const IDLE_TIMEOUT_MS = 1000
const DEBOUNCE_MS = 300
/** Keeping a big lab's index takes the worker a moment: done once things have been quiet a while. */
const KEEP_AFTER_MS = 3000
/** A worker that keeps dying is not started for ever: after this many, search says so. */
const MAX_RESTARTS = 3

/**
 * The workspace's search index, kept in a worker. On start the worker loads the index this
 * device kept for the workspace: if it covers the workspace as it is, nothing is read; if it is
 * older (or missing or unreadable), every artifact is read (a few at a time, when the page is
 * idle) and sent to it, and only items that changed are indexed again. After that, each change to the workspace, from
 * this person or a peer, marks the artifacts it touched, and those alone are read again after
 * a short pause, and once things are quiet the index is kept again. If the worker dies, a new one is started and the index is rebuilt from the
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
  /** While the worker loads a kept index nothing is sent: it would go into the index being replaced. */
  let restoring = false
  /** Whether the worker's index has taken in anything since it was last kept (or loaded). */
  let unkept = false
  let keepTimer: ReturnType<typeof setTimeout> | null = null
  /** How many items the worker said it holds, last time it said. */
  let indexed = 0

  const settled = (): boolean => dirty.size === 0 && inFlight === 0 && timer === null && cancelIdle === null && !restoring

  const keepWhenQuiet = (): void => {
    if (options.keptFor === undefined || !unkept || destroyed) return
    if (keepTimer !== null) clearTimeout(keepTimer)
    keepTimer = setTimeout(() => {
      keepTimer = null
      if (!client || !settled() || options.keptFor === undefined) return
      unkept = false
      // Everything observed so far has been read and indexed, so the index covers at least this.
      client.keep(options.keptFor, options.viewerId(), searchCoverage(doc))
    }, options.keepAfterMs ?? KEEP_AFTER_MS)
  }

  const settleIfDone = (items: number): void => {
    if (!settled()) return
    setStatus({ status: 'ready', items })
    keepWhenQuiet()
  }

  const readSome = (): void => {
    cancelIdle = null
    if (!client || destroyed || restoring) return
    const byId = new Map<string, ArtifactSummary>(summaries().map((s) => [s.id, s]))
    const batch: [string, SearchItem[]][] = []
    for (const id of dirty) {
      if (batch.length >= BATCH) break
      dirty.delete(id)
      batch.push([id, readArtifactSearchItems(doc, byId.get(id), { viewerId: options.viewerId() })])
    }
    if (dirty.size > 0) cancelIdle = whenIdle(readSome, IDLE_TIMEOUT_MS)
    if (batch.length === 0) return settleIfDone(indexed)
    const sentTo = client
    inFlight += 1
    unkept = true
    sentTo.set(batch).then(
      (items) => {
        if (sentTo !== client) return
        inFlight -= 1
        indexed = items
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
        setStatus({ status: 'error', message: searchEn['search.unavailableReload'] })
        return
      }
      // The index was in the worker: build it again from the workspace.
      startWorker()
    })
    setStatus({ status: 'building' })
    if (options.keptFor === undefined) {
      markAll()
      schedule(0)
      return
    }
    restoring = true
    const coverage = searchCoverage(doc)
    const restored = (outcome: RestoreOutcome, items: number): void => {
      if (handle !== started || destroyed) return
      restoring = false
      indexed = items
      if (outcome !== 'same') markAll()
      setVersion((v) => v + 1)
      if (dirty.size > 0) schedule(0)
      settleIfDone(items)
    }
    client.restore(options.keptFor, options.viewerId(), coverage).then(
      ({ outcome, items }) => restored(outcome, items),
      () => restored('none', 0)
    )
  }

  const observer = (events: Y.YEvent<any>[]): void => {
    for (const id of changedArtifactIds(events)) dirty.add(id)
    schedule(options.debounceMs ?? DEBOUNCE_MS)
  }
  artifactsMap(doc).observeDeep(observer)
  // The worker starts once the overview has opened and the page is idle: checking a kept index
  // against the workspace reads its whole state, tens of ms in a two-year lab, which the person
  // waiting for the overview should not wait for (issue 15). A search asked before then starts
  // it at once.
  const startIndexing = (): void => {
    cancelStart = null
    startWorker()
  }
  let cancelStart: (() => void) | null = whenIdle(startIndexing, IDLE_TIMEOUT_MS)
  const startNow = (): void => {
    if (cancelStart === null) return
    cancelStart()
    startIndexing()
  }

  onCleanup(() => {
    destroyed = true
    artifactsMap(doc).unobserveDeep(observer)
    if (timer !== null) clearTimeout(timer)
    if (keepTimer !== null) clearTimeout(keepTimer)
    cancelIdle?.()
    cancelStart?.()
    stopWorker('The workspace was closed.')
  })

  const withClient = <T>(use: (client: SearchClient) => Promise<T>): Promise<T> => {
    startNow()
    return client ? use(client) : Promise.reject(new Error('Search is not available just now.'))
  }

  return {
    status,
    version,
    search: (query, filters) => {
      // Keeping a big lab's index holds the worker for a while: never while someone is typing.
      // A search puts off a keep that is due, until things have been quiet again.
      if (keepTimer !== null) keepWhenQuiet()
      return withClient((c) => c.search(query, filters))
    },
    choices: () => withClient((c) => c.choices())
  }
}
