import { describe, expect, it } from 'vitest'
import { addLegacyPrivateNote } from './legacy-private-note'
import * as Y from 'yjs'
import {
  addStickyNote,
  createBoard,
  createCluster,
  deleteStickyNote,
  openVote,
  placeDot,
  readBoard,
  revealVote,
  setBoardAnonymous,
  startSilentBrainstorm,
  type BoardActor
} from '../../../src/crdt/board'
import { createWorkshopNote } from '../../../src/crdt/board-evidence'
import { artifactBody, readArtifactSummaries } from '../../../src/crdt/artifacts'
import { readNoteMeta } from '../../../src/crdt/note-meta'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { makeWorkshopEvidence } from '../../../src/domain/board-evidence'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'

const ENGLISH = makeTranslator('en')

const fay: BoardActor = { memberId: 'fay', name: 'Fay Okafor', organisation: 'Oldham Council' }
const sam: BoardActor = { memberId: 'sam', name: 'Sam Reid', organisation: 'Preston City Council' }
const kim: BoardActor = { memberId: 'kim', name: 'Kim Lee', organisation: 'Oldham Council' }
const YELLOW = '#fff3a3'
// 14 March 2026, midday: far from midnight, so the local date is the same in any time zone.
const WHEN = Date.UTC(2026, 2, 14, 12)

const setUp = () => {
  const doc = makeWorkspaceDoc(makeWorkspaceId())
  const boardId = createBoard(doc, { title: 'Warm spaces', columns: ['What works', 'Ideas'] }, fay, 1)
  const [works, ideas] = (readBoard(doc, boardId)?.columns ?? []).map((c) => c.id) as [string, string]
  const add = (text: string, columnId: string, who: BoardActor) =>
    addStickyNote(doc, boardId, { text, colour: YELLOW, columnId }, who, 10) as string
  const evidence = () => {
    const board = readBoard(doc, boardId)
    if (!board) throw new Error('no board')
    return makeWorkshopEvidence({ boardTitle: 'Warm spaces', board, viewerId: 'fay', now: WHEN, locale: 'en', tr: ENGLISH })
  }
  return { doc, boardId, works, ideas, add, evidence }
}

describe('workshop to evidence', () => {
  it('writes up columns, groups and the revealed, ranked vote with date and participants', () => {
    const { doc, boardId, works, ideas, add, evidence } = setUp()
    const library = add('Libraries open late', works, fay)
    const tea = add('Free tea', works, sam)
    const map = add('A map of warm spaces', ideas, kim)
    createCluster(doc, boardId, { label: 'Places', columnId: works, noteIds: [library] }, fay)
    openVote(doc, boardId, { dotsPerPerson: 2, allowSeveralOnOneNote: false }, fay, 20)
    placeDot(doc, boardId, map, sam)
    placeDot(doc, boardId, map, kim)
    placeDot(doc, boardId, tea, kim)
    revealVote(doc, boardId, fay)

    const result = evidence()
    expect(result.title).toBe('Workshop: Warm spaces (14 March 2026)')
    expect(result.date).toBe('2026-03-14')
    expect(result.participantCount).toBe(3)
    expect(result.participantNames).toEqual(['Fay Okafor', 'Kim Lee', 'Sam Reid'])
    expect(result.blocks).toEqual([
      {
        type: 'paragraph',
        text: 'Workshop held on 14 March 2026 with the board “Warm spaces”: 3 participants, 3 notes in 2 columns.'
      },
      { type: 'heading', level: 1, text: 'Dot vote results' },
      { type: 'paragraph', text: 'Each person had 2 dots; 2 people voted.' },
      {
        type: 'bulletList',
        items: ['1. A map of warm spaces — 2 dots (Ideas)', '2. Free tea — 1 dot (What works)']
      },
      { type: 'heading', level: 1, text: 'What works' },
      { type: 'heading', level: 2, text: 'Places' },
      { type: 'bulletList', items: ['Libraries open late — 0 dots (Fay Okafor)'] },
      { type: 'heading', level: 2, text: 'Not grouped' },
      { type: 'bulletList', items: ['Free tea — 1 dot (Sam Reid)'] },
      { type: 'heading', level: 1, text: 'Ideas' },
      { type: 'bulletList', items: ['A map of warm spaces — 2 dots (Kim Lee)'] }
    ])
  })

  it('leaves out names when anonymous, counts before the reveal, deleted and still-private notes', () => {
    const { doc, boardId, works, add, evidence } = setUp()
    const kept = add('Friendly volunteers', works, sam)
    const gone = add('Gone', works, sam)
    deleteStickyNote(doc, boardId, gone, sam, 11)
    setBoardAnonymous(doc, boardId, true, fay)
    openVote(doc, boardId, { dotsPerPerson: 1, allowSeveralOnOneNote: false }, fay, 20)
    placeDot(doc, boardId, kept, sam)
    startSilentBrainstorm(doc, boardId, fay)
    // Written by an earlier version, into the shared board: still left out while private.
    addLegacyPrivateNote(doc, boardId, { text: 'Secret idea', columnId: works }, kim, 12)

    const text = JSON.stringify(evidence().blocks)
    expect(text).toContain('Friendly volunteers')
    expect(text).not.toContain('Gone')
    expect(text).not.toContain('Secret idea')
    expect(text).not.toContain('Sam Reid')
    expect(text).not.toContain('dot —')
    expect(text).toContain('Authors’ names were hidden on the board.')
    expect(text).toContain('its results were not revealed')
    expect(evidence().participantNames).toEqual([])
    expect(evidence().blocks).toContainEqual({ type: 'paragraph', text: 'No notes.' })
  })

  it('creates a note of type workshop whose body is headings, paragraphs and lists', () => {
    const { doc, ideas, add, evidence } = setUp()
    add('Community fridge', ideas, sam)
    const noteId = createWorkshopNote(doc, evidence(), fay, WHEN)

    const summary = readArtifactSummaries(doc).find((a) => a.id === noteId)
    expect(summary).toMatchObject({ kind: 'note', title: 'Workshop: Warm spaces (14 March 2026)', tags: ['workshop'] })
    expect(readNoteMeta(doc, noteId)).toMatchObject({ type: 'workshop', date: '2026-03-14', participants: ['Sam Reid'] })
    const body = artifactBody(doc, noteId) as Y.XmlFragment
    const nodes = body.toArray().map((n) => (n instanceof Y.XmlElement ? n.nodeName : 'text'))
    // The notes layer adds an empty paragraph after a closing list, to carry on writing.
    expect(nodes).toEqual(['paragraph', 'heading', 'paragraph', 'heading', 'bulletList', 'paragraph'])
    const list = body.get(4) as Y.XmlElement
    // Yjs prints element names in lower case.
    expect(list.toString()).toBe('<bulletlist><listitem><paragraph>Community fridge (Sam Reid)</paragraph></listitem></bulletlist>')
  })
})
