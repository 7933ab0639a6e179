import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { countingDots, refusedDots, type Dot } from '../../src/domain/board'
import type { ArtifactId } from '../../src/domain/ids'
import { addStickyNote, createBoard, openVote, placeDot, readBoard, removeDot, type BoardActor } from '../../src/crdt/board'
import { makeWorkspaceDoc } from '../../src/crdt/workspace-doc'
import { makeWorkspaceId } from '../../src/domain/ids'
import { makePeerNetwork } from './in-memory-peers'
import { fuzzSeeds, makeRandom } from './seeded-random'

const STEPS = 300

/** A dot as the person saw it confirmed: everything stored about it. */
const seen = (dot: Dot): string => JSON.stringify(dot)
const dotsOf = (doc: Y.Doc, boardId: ArtifactId): Set<string> => new Set((readBoard(doc, boardId)?.dots ?? []).map(seen))

/**
 * One person votes from two tabs (two docs of one member) while updates between the tabs are
 * held back and reordered. A dot a tab confirmed may be refused by the allowance after the
 * tabs merge (and then it is still there, refused, for the person to be told about), or taken
 * back by the person; it never simply vanishes.
 */
describe('one person voting from two tabs at once', () => {
  for (const seed of fuzzSeeds(12)) {
    it(`never loses a confirmed dot without a word (seed ${seed})`, () => {
      const random = makeRandom(seed)
      const docs = [makeWorkspaceDoc(makeWorkspaceId()), new Y.Doc({ gc: false })]
      const [first, second] = docs as [Y.Doc, Y.Doc]
      Y.applyUpdate(second, Y.encodeStateAsUpdate(first))
      const network = makePeerNetwork(docs, random)
      const person: BoardActor = { memberId: 'ann', name: 'Ann', organisation: 'Test Council' }
      const boardId = createBoard(first, { title: 'Ideas', columns: ['A'] }, person, 1)
      network.settle()
      const columnId = readBoard(first, boardId)?.columns[0]?.id as string
      for (let i = 0; i < 5; i++) addStickyNote(first, boardId, { text: `idea ${i}`, colour: '#fff3a3', columnId }, person, 10 + i)
      openVote(first, boardId, { dotsPerPerson: 1 + random.int(4), allowSeveralOnOneNote: random.chance(0.5) }, person, 100)
      network.settle()
      const confirmed = new Set<string>()

      try {
        for (let step = 0; step < STEPS; step++) {
          const doc = docs[random.int(2)] as Y.Doc
          const noteIds = readBoard(doc, boardId)?.notes.map((n) => n.id) ?? []
          const before = dotsOf(doc, boardId)
          const roll = random.next()
          if (roll < 0.5) {
            if (placeDot(doc, boardId, random.pick(noteIds), person))
              for (const dot of dotsOf(doc, boardId)) if (!before.has(dot)) confirmed.add(dot)
          } else if (roll < 0.7) {
            // Whatever a removal takes away, the person took back (refused ones included: they were told).
            removeDot(doc, boardId, random.pick(noteIds), person)
            const after = dotsOf(doc, boardId)
            for (const dot of before) if (!after.has(dot)) confirmed.delete(dot)
          } else if (roll < 0.8) network.partition(random.int(2))
          else if (roll < 0.85) network.heal(random.int(2))
          else for (let d = random.int(3); d >= 0; d--) network.deliverOne()
        }
        network.settle()

        const state = readBoard(first, boardId)
        if (!state?.round) throw new Error('no round')
        expect(readBoard(second, boardId)).toEqual(state)
        const live = new Set(state.notes.map((n) => n.id))
        const counting = countingDots(state.round, state.dots, live)
        const refused = refusedDots(state.round, state.dots, live)
        expect(counting.length).toBeLessThanOrEqual(state.round.dotsPerPerson)
        if (!state.round.allowSeveralOnOneNote) expect(new Set(counting.map((d) => d.noteId)).size).toBe(counting.length)
        const accounted = new Set([...counting, ...refused].map(seen))
        for (const dot of confirmed) expect(accounted.has(dot), `confirmed dot ${dot} vanished`).toBe(true)
      } catch (error) {
        throw new Error(`two-tab vote fuzz failed with seed ${seed} (replay: FUZZ_SEED=${seed}): ${String(error)}`)
      }
      // Generous: a loaded machine may be slow, and slowness is not what this tests.
    }, 120_000)
  }
})
