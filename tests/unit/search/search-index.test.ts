import { createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { artifactBody, moveArtifactToBin } from '../../../src/crdt/artifacts'
import { createNote } from '../../../src/crdt/note-meta'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { makeWorkspaceId, type ArtifactId } from '../../../src/domain/ids'
import { NO_SEARCH_FILTERS } from '../../../src/domain/search/search-filters'
import { findNoteTemplate } from '../../../src/domain/templates/note-templates'
import { createSearchIndex, type SearchIndex } from '../../../src/reactive/search/create-search-index'
import type { SearchPort } from '../../../src/reactive/search/search-protocol'
import { serveSearch, type SearchShelf } from '../../../src/reactive/search/search-service'
import type { SearchWorkerHandle } from '../../../src/reactive/search/search-worker-handle'

const asha = { name: 'Asha Patel', organisation: 'Oldham Council' }
const until = { timeout: 30_000, interval: 20 }

/**
 * The search worker's own code (serveSearch) on the far side of a real MessageChannel, as in
 * the browser but in this process; `kill` is what the page sees when a worker dies.
 */
const inProcessWorkers = (shelf?: SearchShelf) => {
  const started: { kill: (message: string) => void }[] = []
  const start = (): SearchWorkerHandle => {
    const channel = new MessageChannel()
    channel.port1.start()
    channel.port2.start()
    const stop = serveSearch(channel.port2 as unknown as SearchPort, shelf)
    let lost: ((message: string) => void) | null = null
    started.push({ kill: (message) => lost?.(message) })
    return {
      port: channel.port1 as unknown as SearchPort,
      terminate: () => {
        stop()
        channel.port1.close()
        channel.port2.close()
      },
      onLost: (listener) => {
        lost = listener
      }
    }
  }
  return { start, started }
}

const writeNote = (doc: Y.Doc, title: string, text: string, now: number): ArtifactId => {
  const id = createNote(doc, { title, template: findNoteTemplate('blank-note')! }, asha, now)
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(text)])
    artifactBody(doc, id)!.push([paragraph])
  })
  return id
}

const titlesFor = async (index: SearchIndex, query: string): Promise<string[]> => {
  const answer = await index.search(query, NO_SEARCH_FILTERS)
  if (!answer) throw new Error(`The search for “${query}” was replaced by another`)
  return answer.hits.map((hit) => hit.item.title).sort()
}

const withIndex = async (doc: Y.Doc, workers: ReturnType<typeof inProcessWorkers>, run: (index: SearchIndex) => Promise<void>, keptFor?: string) => {
  let dispose = (): void => undefined
  const index = createRoot((done) => {
    dispose = done
    return createSearchIndex(doc, { viewerId: () => 'asha', startWorker: workers.start, debounceMs: 5, keptFor, keepAfterMs: 5 })
  })
  try {
    await run(index)
  } finally {
    dispose()
  }
}

describe('the workspace search index', () => {
  it('asks the worker only the latest of the searches typed while one was with it', async () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    writeNote(doc, 'Allotments', 'Allotments and food growing', 1)
    await withIndex(doc, inProcessWorkers(), async (index) => {
      await expect.poll(() => index.status(), until).toEqual({ status: 'ready', items: 1 })
      const asked = ['a', 'al', 'all', 'allo'].map((query) => index.search(query, NO_SEARCH_FILTERS))
      const answers = await Promise.all(asked)
      // The first went straight to the worker; "al" and "all" were replaced before they were sent.
      expect(answers.map((answer) => answer === null)).toEqual([false, true, true, false])
      expect(answers[3]?.hits.map((hit) => hit.item.title)).toEqual(['Allotments'])
    })
  })

  it('is kept on the device, loaded as it is on the next visit, updated when the workspace changed, and rebuilt when unreadable', async () => {
    // A shelf as the worker's IndexedDB store is, in memory: records go in and come out as they were.
    const records = new Map<string, unknown>()
    const writes: unknown[] = []
    const shelf: SearchShelf = {
      read: async (id) => structuredClone(records.get(id)),
      write: async (id, record) => {
        writes.push(record)
        records.set(id, structuredClone(record))
      }
    }
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    writeNote(doc, 'Allotments', 'Allotments and food growing', 1)
    await withIndex(doc, inProcessWorkers(shelf), async (index) => {
      await expect.poll(() => index.status(), until).toEqual({ status: 'ready', items: 1 })
      await expect.poll(() => writes.length, until).toBe(1)
    }, 'w1')
    // Next visit, nothing changed: the kept index is used and nothing is read from the workspace.
    const reading = inProcessWorkers(shelf)
    await withIndex(doc, reading, async (index) => {
      await expect.poll(() => index.status(), until).toEqual({ status: 'ready', items: 1 })
      expect(await titlesFor(index, 'allot')).toEqual(['Allotments'])
    }, 'w1')
    // A note written since: the kept index is loaded, then brought up to date and kept again.
    writeNote(doc, 'Credit union', 'A credit union for tenants', 2)
    await withIndex(doc, inProcessWorkers(shelf), async (index) => {
      await expect.poll(() => index.status(), until).toEqual({ status: 'ready', items: 2 })
      expect(await titlesFor(index, 'credit')).toEqual(['Credit union'])
      await expect.poll(() => writes.length, until).toBe(2)
    }, 'w1')
    // A record that does not parse: the index is built from the workspace instead.
    records.set('w1', { format: 1, reader: 'asha', coverage: 'x', engine: { index: { documentCount: 'many' }, items: [] } })
    await withIndex(doc, inProcessWorkers(shelf), async (index) => {
      await expect.poll(() => index.status(), until).toEqual({ status: 'ready', items: 2 })
      expect(await titlesFor(index, 'allot')).toEqual(['Allotments'])
    }, 'w1')
  })

  it('is built from the workspace when it starts', async () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    for (let i = 0; i < 45; i++) writeNote(doc, `Note ${i}`, i === 44 ? 'A visit to Ynys Môn' : `Routine note ${i}`, i)
    await withIndex(doc, inProcessWorkers(), async (index) => {
      await expect.poll(() => index.status(), until).toEqual({ status: 'ready', items: 45 })
      expect(await titlesFor(index, 'ynys mon')).toEqual(['Note 44'])
    })
  })

  it('follows changes from this device and from peers, and forgets what goes to the bin', async () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const peer = makeWorkspaceDoc(doc.guid as never)
    writeNote(doc, 'Energy', 'Community energy on the island', 1)
    await withIndex(doc, inProcessWorkers(), async (index) => {
      await expect.poll(() => index.status().status, until).toBe('ready')
      const versionBefore = index.version()

      Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
      const fromPeer = writeNote(peer, 'Food growing', 'Waiting lists for allotments', 2)
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)))
      await expect.poll(() => titlesFor(index, 'allotments'), until).toEqual(['Food growing'])
      expect(index.version()).toBeGreaterThan(versionBefore)

      // Typing into a body that is already indexed.
      const mine = writeNote(doc, 'Housing', 'First draft', 3)
      await expect.poll(() => titlesFor(index, 'draft'), until).toEqual(['Housing'])
      doc.transact(() => {
        const body = artifactBody(doc, mine)!
        const text = (body.get(body.length - 1) as Y.XmlElement).get(0) as Y.XmlText
        text.insert(text.length, ' about co-operative housing')
      })
      await expect.poll(() => titlesFor(index, 'cooperative'), until).toEqual(['Housing'])

      moveArtifactToBin(doc, fromPeer, asha, 4)
      await expect.poll(() => titlesFor(index, 'allotments'), until).toEqual([])
    })
  })

  it('is rebuilt from the workspace when its worker dies', async () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    writeNote(doc, 'Energy', 'Community energy on the island', 1)
    const workers = inProcessWorkers()
    await withIndex(doc, workers, async (index) => {
      await expect.poll(() => index.status().status, until).toBe('ready')
      workers.started[0]!.kill('out of memory')
      expect(workers.started).toHaveLength(2)
      await expect.poll(() => index.status(), until).toEqual({ status: 'ready', items: 1 })
      expect(await titlesFor(index, 'island')).toEqual(['Energy'])
    })
  })

  it('starts its worker once the page is idle, or at once when someone searches first', async () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    writeNote(doc, 'Energy', 'Island energy co-operative', 1)
    const idle = inProcessWorkers()
    await withIndex(doc, idle, async (index) => {
      expect(idle.started).toHaveLength(0)
      await expect.poll(() => index.status(), until).toEqual({ status: 'ready', items: 1 })
      expect(idle.started).toHaveLength(1)
    })
    const eager = inProcessWorkers()
    await withIndex(doc, eager, async (index) => {
      const answer = index.search('island', NO_SEARCH_FILTERS)
      expect(eager.started).toHaveLength(1)
      await answer
      await expect.poll(() => index.status(), until).toEqual({ status: 'ready', items: 1 })
      expect(await titlesFor(index, 'island')).toEqual(['Energy'])
      expect(eager.started).toHaveLength(1)
    })
  })

  it('gives up, and says so, when workers keep dying', async () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const workers = inProcessWorkers()
    await withIndex(doc, workers, async (index) => {
      await expect.poll(() => workers.started.length, until).toBe(1)
      for (let i = 0; i < 4; i++) workers.started[i]!.kill('crashed')
      expect(index.status().status).toBe('error')
      await expect(index.search('anything', NO_SEARCH_FILTERS)).rejects.toThrow('Search is not available just now.')
    })
  })
})
