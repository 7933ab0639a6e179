import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  BOARD,
  BoardLockedError,
  addStickyNote,
  createBoard,
  createCluster,
  moveStickyNote,
  openVote,
  placeDot,
  readBoard,
  revealVote,
  setBoardLocked,
  setNoteCluster,
  type BoardActor
} from '../../../src/crdt/board'
import { addColumn, moveColumn, removeColumn, restoreColumn } from '../../../src/crdt/board-columns'
import { artifactsMap, makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { countingDots, type BoardColumn } from '../../../src/domain/board'
import { layOutColumns, orderForMove } from '../../../src/domain/board-columns'
import { makeWorkshopEvidence } from '../../../src/domain/board-evidence'
import { makeWorkspaceId, type ArtifactId } from '../../../src/domain/ids'
import { makePeerNetwork } from '../../fuzz/in-memory-peers'
import { fuzzSeeds, makeRandom } from '../../fuzz/seeded-random'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'

const ENGLISH = makeTranslator('en')

const fay: BoardActor = { memberId: 'fay', name: 'Fay Okafor', organisation: 'Oldham Council' }
const pat: BoardActor = { memberId: 'pat', name: 'Pat Reid', organisation: 'Preston City Council' }
const YELLOW = '#fff3a3'

const setUp = (titles = ['What works', 'What doesn’t', 'Ideas']) => {
  const doc = makeWorkspaceDoc(makeWorkspaceId())
  const boardId = createBoard(doc, { title: 'Review', columns: titles }, fay, 1)
  const read = () => {
    const state = readBoard(doc, boardId)
    if (!state) throw new Error('no board')
    return state
  }
  const ids = read().columns.map((c) => c.id)
  const titlesNow = () => read().columns.map((c) => c.title)
  return { doc, boardId, read, ids, titlesNow }
}

const col = (id: string, order: number, removedAt: number | null = null): BoardColumn => ({ id, title: id, order, removedAt })

describe('column order rules', () => {
  it('moves a column between its new neighbours with a single write', () => {
    const columns = [col('a', 0), col('b', 1), col('c', 2)]
    expect([...(orderForMove(columns, 'c', -1) ?? [])]).toEqual([['c', 0.5]])
    expect([...(orderForMove(columns, 'b', -1) ?? [])]).toEqual([['b', -1]])
    expect([...(orderForMove(columns, 'b', 1) ?? [])]).toEqual([['b', 3]])
    expect(orderForMove(columns, 'a', -1)).toBeNull()
    expect(orderForMove(columns, 'c', 1)).toBeNull()
    expect(orderForMove(columns, 'missing', 1)).toBeNull()
  })

  it('renumbers every column when no key fits between the neighbours', () => {
    // a and b share a key (two concurrent moves into one gap); c must go between them.
    const columns = [col('a', 1), col('b', 1), col('c', 2)]
    expect(Object.fromEntries(orderForMove(columns, 'c', -1) ?? [])).toEqual({ a: 0, c: 1, b: 2 })
  })

  it('keeps a column on the board when every column was removed at once', () => {
    const layout = layOutColumns([col('a', 0, 5), col('b', 1, 7)])
    expect(layout.live.map((c) => [c.id, c.removedAt])).toEqual([['b', null]])
    expect(layout.removed.map((c) => c.id)).toEqual(['a'])
  })
})

describe('moving, removing and restoring columns', () => {
  it('moves a column left and right and stops at either end', () => {
    const { doc, boardId, ids, titlesNow } = setUp()
    expect(moveColumn(doc, boardId, ids[2] as string, -1, fay)).toBe(true)
    expect(titlesNow()).toEqual(['What works', 'Ideas', 'What doesn’t'])
    expect(moveColumn(doc, boardId, ids[2] as string, -1, fay)).toBe(true)
    expect(titlesNow()).toEqual(['Ideas', 'What works', 'What doesn’t'])
    expect(moveColumn(doc, boardId, ids[2] as string, -1, fay)).toBe(false)
    expect(moveColumn(doc, boardId, ids[1] as string, 1, fay)).toBe(false)
    expect(moveColumn(doc, boardId, ids[0] as string, 1, fay)).toBe(true)
    expect(titlesNow()).toEqual(['Ideas', 'What doesn’t', 'What works'])
  })

  it('survives many moves into one gap (floating point runs out) without losing the order', () => {
    const { doc, boardId, ids, titlesNow } = setUp(['A', 'B', 'C', 'D'])
    for (let i = 0; i < 200; i++) {
      moveColumn(doc, boardId, ids[i % 2 === 0 ? 3 : 2] as string, -1, fay)
      moveColumn(doc, boardId, ids[i % 2 === 0 ? 3 : 2] as string, 1, fay)
    }
    expect(titlesNow()).toEqual(['A', 'B', 'C', 'D'])
    moveColumn(doc, boardId, ids[3] as string, -1, fay)
    expect(titlesNow()).toEqual(['A', 'B', 'D', 'C'])
  })

  it('reads boards from before columns could be removed, in their stored order', () => {
    const { doc, boardId, ids, titlesNow } = setUp()
    const columns = (artifactsMap(doc).get(boardId) as Y.Map<unknown>).get(BOARD.columns) as Y.Map<Y.Map<unknown>>
    doc.transact(() => columns.forEach((column) => column.delete('removedAt')))
    expect(titlesNow()).toEqual(['What works', 'What doesn’t', 'Ideas'])
    expect(removeColumn(doc, boardId, ids[0] as string, fay, 50)).toBe(true)
    expect(titlesNow()).toEqual(['What doesn’t', 'Ideas'])
    expect(restoreColumn(doc, boardId, ids[0] as string, fay)).toBe(true)
    expect(titlesNow()).toEqual(['What works', 'What doesn’t', 'Ideas'])
    // Restoring a column that was never removed changes nothing.
    expect(restoreColumn(doc, boardId, ids[1] as string, fay)).toBe(false)
  })

  it('removes a column with its notes and groups, keeps them out of votes and evidence, and restores them', () => {
    const { doc, boardId, ids, read, titlesNow } = setUp()
    const [works, , ideas] = ids as [string, string, string]
    const kept = addStickyNote(doc, boardId, { text: 'Warm welcome', colour: YELLOW, columnId: works }, fay, 10) as string
    const gone = addStickyNote(doc, boardId, { text: 'Free soup', colour: YELLOW, columnId: ideas }, pat, 11) as string
    const group = createCluster(doc, boardId, { label: 'Food', columnId: ideas, noteIds: [gone] }, fay) as string
    openVote(doc, boardId, { dotsPerPerson: 2, allowSeveralOnOneNote: false }, fay, 20)
    expect(placeDot(doc, boardId, gone, pat)).toBe(true)
    expect(placeDot(doc, boardId, kept, pat)).toBe(true)

    expect(removeColumn(doc, boardId, ideas, fay, 30)).toBe(true)
    let state = read()
    expect(titlesNow()).toEqual(['What works', 'What doesn’t'])
    expect(state.notes.map((n) => n.id)).toEqual([kept])
    expect(state.clusters).toEqual([])
    expect(state.removedColumns).toEqual([
      { column: expect.objectContaining({ id: ideas, title: 'Ideas', removedAt: 30 }), notes: [expect.objectContaining({ id: gone, clusterId: group })] }
    ])
    // Votes on its notes no longer count; nothing new can go into it.
    const live = new Set(state.notes.map((n) => n.id))
    expect(countingDots(state.round as NonNullable<typeof state.round>, state.dots, live).map((d) => d.noteId)).toEqual([kept])
    expect(placeDot(doc, boardId, gone, fay)).toBe(false)
    expect(moveStickyNote(doc, boardId, kept, ideas, fay, 31)).toBe(true)
    expect(read().notes.map((n) => [n.id, n.columnId])).toEqual([[kept, works]])
    setNoteCluster(doc, boardId, kept, group, fay)
    expect(read().notes[0]?.clusterId).toBeNull()
    revealVote(doc, boardId, fay)
    const evidence = makeWorkshopEvidence({ boardTitle: 'Review', board: read(), viewerId: 'fay', now: Date.UTC(2026, 2, 14, 12), locale: 'en', tr: ENGLISH })
    const text = JSON.stringify(evidence.blocks)
    expect(text).not.toContain('Free soup')
    expect(text).not.toContain('Ideas')
    expect(text).toContain('1 note in 2 columns')

    expect(restoreColumn(doc, boardId, ideas, fay)).toBe(true)
    state = read()
    expect(titlesNow()).toEqual(['What works', 'What doesn’t', 'Ideas'])
    expect(state.removedColumns).toEqual([])
    expect(state.notes.find((n) => n.id === gone)).toMatchObject({ columnId: ideas, clusterId: group })
    expect(state.clusters.map((c) => c.label)).toEqual(['Food'])
    const restored = new Set(state.notes.map((n) => n.id))
    expect(countingDots(state.round as NonNullable<typeof state.round>, state.dots, restored)).toHaveLength(2)
  })

  it('keeps at least one column on the board', () => {
    const { doc, boardId, ids, titlesNow } = setUp(['Only', 'Other'])
    expect(removeColumn(doc, boardId, ids[0] as string, fay, 5)).toBe(true)
    expect(removeColumn(doc, boardId, ids[1] as string, fay, 6)).toBe(false)
    expect(titlesNow()).toEqual(['Other'])
    expect(removeColumn(doc, boardId, ids[0] as string, fay, 7)).toBe(false)
  })

  it('follows the board lock: participants are refused while it is locked, facilitators are not', () => {
    const { doc, boardId, ids, titlesNow } = setUp()
    expect(moveColumn(doc, boardId, ids[1] as string, -1, pat)).toBe(true)
    setBoardLocked(doc, boardId, true, fay)
    expect(() => moveColumn(doc, boardId, ids[1] as string, 1, pat)).toThrow(BoardLockedError)
    expect(() => removeColumn(doc, boardId, ids[2] as string, pat, 9)).toThrow(BoardLockedError)
    expect(titlesNow()).toEqual(['What doesn’t', 'What works', 'Ideas'])
    expect(removeColumn(doc, boardId, ids[2] as string, fay, 9)).toBe(true)
    expect(() => restoreColumn(doc, boardId, ids[2] as string, pat)).toThrow(BoardLockedError)
    expect(restoreColumn(doc, boardId, ids[2] as string, fay)).toBe(true)
    expect(moveColumn(doc, boardId, ids[1] as string, 1, fay)).toBe(true)
    expect(titlesNow()).toEqual(['What works', 'What doesn’t', 'Ideas'])
  })
})

describe('column order under concurrent edits from several devices', () => {
  const PEERS = 4

  it('two devices moving different columns into the same gap agree, and neither column is lost', () => {
    const id = makeWorkspaceId()
    const docs = [makeWorkspaceDoc(id), makeWorkspaceDoc(id)]
    const network = makePeerNetwork(docs, makeRandom(3))
    const boardId = createBoard(docs[0] as Y.Doc, { title: 'B', columns: ['A', 'B', 'C', 'D'] }, fay, 1)
    network.settle()
    const ids = readBoard(docs[0] as Y.Doc, boardId)?.columns.map((c) => c.id) as string[]
    // Both put a column between A and B at the same moment.
    moveColumn(docs[0] as Y.Doc, boardId, ids[2] as string, -1, fay)
    moveColumn(docs[1] as Y.Doc, boardId, ids[3] as string, -1, fay)
    moveColumn(docs[1] as Y.Doc, boardId, ids[3] as string, -1, fay)
    network.settle()
    const [one, two] = docs.map((doc) => readBoard(doc, boardId)?.columns.map((c) => c.title))
    expect(one).toEqual(two)
    expect([...(one ?? [])].sort()).toEqual(['A', 'B', 'C', 'D'])
    expect(one?.[0]).toBe('A')
    expect(one?.[3]).toBe('B')
  })

  it('two devices removing the last two columns at once leave one on the board that takes notes', () => {
    const id = makeWorkspaceId()
    const docs = [makeWorkspaceDoc(id), makeWorkspaceDoc(id)]
    const network = makePeerNetwork(docs, makeRandom(5))
    const boardId = createBoard(docs[0] as Y.Doc, { title: 'B', columns: ['A', 'B', 'C'] }, fay, 1)
    network.settle()
    const [a, b, c] = readBoard(docs[0] as Y.Doc, boardId)?.columns.map((col) => col.id) as [string, string, string]
    const note = addStickyNote(docs[0] as Y.Doc, boardId, { text: 'kept', colour: YELLOW, columnId: a }, fay, 2) as string
    removeColumn(docs[0] as Y.Doc, boardId, a, fay, 3)
    network.settle()
    expect(removeColumn(docs[0] as Y.Doc, boardId, b, fay, 10)).toBe(true)
    expect(removeColumn(docs[1] as Y.Doc, boardId, c, pat, 11)).toBe(true)
    network.settle()
    for (const doc of docs) {
      const state = readBoard(doc, boardId)
      expect(state?.columns.map((col) => col.title)).toEqual(['C'])
      expect(state?.removedColumns.map((r) => r.column.title)).toEqual(['B', 'A'])
    }
    // The column kept on the board works like any other, and stays when another comes back.
    const added = addStickyNote(docs[1] as Y.Doc, boardId, { text: 'new', colour: YELLOW, columnId: c }, pat, 20) as string
    expect(restoreColumn(docs[0] as Y.Doc, boardId, a, fay)).toBe(true)
    network.settle()
    expect(moveStickyNote(docs[0] as Y.Doc, boardId, note, c, fay, 21)).toBe(true)
    network.settle()
    for (const doc of docs) {
      const state = readBoard(doc, boardId)
      expect(state?.columns.map((col) => col.title)).toEqual(['A', 'C'])
      expect(state?.notes.map((n) => [n.id, n.columnId])).toEqual([[added, c], [note, c]])
    }
  })

  for (const seed of fuzzSeeds(10, 11)) {
    it(`converges with no duplicate or lost column or note (seed ${seed})`, () => {
      const random = makeRandom(seed)
      const id = makeWorkspaceId()
      const docs = Array.from({ length: PEERS }, () => makeWorkspaceDoc(id))
      const network = makePeerNetwork(docs, random)
      const actors: BoardActor[] = docs.map((_, i) => ({ ...fay, memberId: i === 0 ? 'fay' : `member-${i}` }))
      const boardId: ArtifactId = createBoard(docs[0] as Y.Doc, { title: 'B', columns: ['A', 'B', 'C', 'D'] }, fay, 1)
      network.settle()
      const allColumns = new Set(readBoard(docs[0] as Y.Doc, boardId)?.columns.map((c) => c.id))
      const allNotes = new Set<string>()
      for (let step = 0; step < 300; step++) {
        const peer = random.int(PEERS)
        const doc = docs[peer] as Y.Doc
        const actor = actors[peer] as BoardActor
        const state = readBoard(doc, boardId)
        if (!state) throw new Error('board missing')
        const live = state.columns.map((c) => c.id)
        const roll = random.next()
        if (roll < 0.35) moveColumn(doc, boardId, random.pick(live), random.chance(0.5) ? -1 : 1, actor)
        else if (roll < 0.45) removeColumn(doc, boardId, random.pick(live), actor, 100 + step)
        else if (roll < 0.55 && state.removedColumns.length)
          restoreColumn(doc, boardId, random.pick(state.removedColumns).column.id, actor)
        else if (roll < 0.6) {
          const added = addColumn(doc, boardId, `N${step}`, actor)
          if (added) allColumns.add(added)
        } else if (roll < 0.7) {
          const note = addStickyNote(doc, boardId, { text: `n${step}`, colour: YELLOW, columnId: random.pick(live) }, actor, 100 + step)
          if (note) allNotes.add(note)
        } else if (roll < 0.75 && state.notes.length)
          moveStickyNote(doc, boardId, random.pick(state.notes).id, random.pick(live), actor, 100 + step)
        else if (roll < 0.8) network.partition(random.int(PEERS))
        else if (roll < 0.85) network.heal(random.int(PEERS))
        else for (let d = random.int(5); d >= 0; d--) network.deliverOne()
      }
      network.settle()
      const states = docs.map((doc) => readBoard(doc, boardId))
      const first = states[0]
      if (!first) throw new Error('board missing')
      for (const state of states.slice(1)) {
        expect(state?.columns).toEqual(first.columns)
        expect(state?.removedColumns).toEqual(first.removedColumns)
        expect(state?.notes).toEqual(first.notes)
      }
      const seen = [...first.columns.map((c) => c.id), ...first.removedColumns.map((r) => r.column.id)]
      expect(new Set(seen).size).toBe(seen.length)
      expect(new Set(seen)).toEqual(allColumns)
      expect(first.columns.length).toBeGreaterThan(0)
      const notes = [...first.notes, ...first.removedColumns.flatMap((r) => r.notes)].map((n) => n.id)
      expect(new Set(notes)).toEqual(allNotes)
      expect(notes).toHaveLength(allNotes.size)
      // Every note on the board is in a column that is on the board.
      const liveIds = new Set(first.columns.map((c) => c.id))
      expect(first.notes.every((n) => liveIds.has(n.columnId))).toBe(true)
    })
  }
})
