import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { countingDots, isNoteVisibleTo } from '../../src/domain/board'
import type { ArtifactId } from '../../src/domain/ids'
import {
  addStickyNote,
  closeVote,
  createBoard,
  deleteStickyNote,
  openVote,
  placeDot,
  readBoard,
  removeDot,
  restoreStickyNote,
  revealBrainstorm,
  revealVote,
  startSilentBrainstorm,
  type BoardActor
} from '../../src/crdt/board'
import { makeWorkspaceDoc } from '../../src/crdt/workspace-doc'
import { makeWorkspaceId } from '../../src/domain/ids'
import { makePeerNetwork } from './in-memory-peers'
import { fuzzSeeds, makeRandom } from './seeded-random'

const PEERS = 5
const STEPS = 400

/**
 * Several devices, some belonging to the same person (two tabs), vote on one board while
 * updates are partitioned and reordered. Whatever happens, every device ends with the same
 * board and nobody has more counting dots than the round allows.
 */
describe('board voting under concurrent edits', () => {
  for (const seed of fuzzSeeds(12)) {
    it(`converges and keeps every dot budget (seed ${seed})`, () => {
      const random = makeRandom(seed)
      const id = makeWorkspaceId()
      const docs = Array.from({ length: PEERS }, () => makeWorkspaceDoc(id))
      const network = makePeerNetwork(docs, random)
      // Peers 0 and 1 are the same person (two tabs); peer 0 is the facilitator.
      const actors: BoardActor[] = docs.map((_, i) => ({
        memberId: i <= 1 ? 'facilitator' : `member-${i}`,
        name: i <= 1 ? 'Facilitator' : `Member ${i}`,
        organisation: 'Test Council'
      }))
      const facilitator = actors[0] as BoardActor
      const boardId: ArtifactId = createBoard(docs[0] as Y.Doc, { title: 'Ideas', columns: ['A', 'B'] }, facilitator, 1)
      network.settle()
      const columnId = readBoard(docs[0] as Y.Doc, boardId)?.columns[0]?.id as string
      for (let i = 0; i < 6; i++) addStickyNote(docs[i % PEERS] as Y.Doc, boardId, { text: `idea ${i}`, colour: '#fff3a3', columnId }, actors[i % PEERS] as BoardActor, 10 + i)
      network.settle()
      openVote(docs[0] as Y.Doc, boardId, { dotsPerPerson: 3, allowSeveralOnOneNote: random.chance(0.5) }, facilitator, 100)
      network.settle()

      try {
        for (let step = 0; step < STEPS; step++) {
          const peer = random.int(PEERS)
          const doc = docs[peer] as Y.Doc
          const actor = actors[peer] as BoardActor
          const state = readBoard(doc, boardId)
          if (!state) throw new Error('board missing')
          const noteIds = state.notes.map((n) => n.id)
          const roll = random.next()
          if (roll < 0.45 && noteIds.length) placeDot(doc, boardId, random.pick(noteIds), actor)
          else if (roll < 0.6 && noteIds.length) removeDot(doc, boardId, random.pick(noteIds), actor)
          else if (roll < 0.65 && noteIds.length) deleteStickyNote(doc, boardId, random.pick(noteIds), actor, 1000 + step)
          else if (roll < 0.7 && noteIds.length) restoreStickyNote(doc, boardId, random.pick(noteIds), actor)
          else if (roll < 0.75) addStickyNote(doc, boardId, { text: `n${step}`, colour: '#c7f0d8', columnId }, actor, 1000 + step)
          else if (roll < 0.78) network.partition(random.int(PEERS))
          else if (roll < 0.82) network.heal(random.int(PEERS))
          else if (roll < 0.83) startSilentBrainstorm(doc, boardId, actor)
          else if (roll < 0.84) revealBrainstorm(doc, boardId, actor)
          else for (let d = random.int(4); d >= 0; d--) network.deliverOne()
        }
        // The facilitator reveals from a device that may not have seen everything yet.
        revealVote(docs[random.int(2)] as Y.Doc, boardId, facilitator)
        network.settle()

        const states = docs.map((doc) => readBoard(doc, boardId))
        const first = states[0]
        if (!first?.round) throw new Error('no round')
        for (const state of states) expect(state).toEqual(first)
        for (const doc of docs.slice(1)) expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(docs[0] as Y.Doc))
        expect(first.round.status).toBe('revealed')

        const live = new Set(first.notes.filter((n) => n.deletedAt === null).map((n) => n.id))
        const counting = countingDots(first.round, first.dots, live)
        for (const voter of new Set(actors.map((a) => a.memberId))) {
          const mine = counting.filter((d) => d.voterId === voter)
          expect(mine.length).toBeLessThanOrEqual(first.round.dotsPerPerson)
          if (!first.round.allowSeveralOnOneNote) expect(new Set(mine.map((d) => d.noteId)).size).toBe(mine.length)
        }
        // Visibility of brainstorm notes agrees on every device.
        for (const viewer of ['facilitator', 'member-2']) {
          const seen = states.map((s) => s?.notes.filter((n) => s && isNoteVisibleTo(n, s.settings, viewer)).map((n) => n.id))
          for (const ids of seen) expect(ids).toEqual(seen[0])
        }
        closeVote(docs[0] as Y.Doc, boardId, facilitator)
      } catch (error) {
        throw new Error(`board fuzz failed with seed ${seed} (replay: FUZZ_SEED=${seed}): ${String(error)}`)
      }
      // Generous: a loaded machine may be slow, and slowness is not what this tests.
    }, 120_000)
  }
})
