import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { addStickyNote, boardMap, BOARD, createBoard, readBoard, type BoardActor } from '../../../src/crdt/board'
import { readMembers, recordMember } from '../../../src/crdt/members'
import { makeWorkspaceDoc, membersMap } from '../../../src/crdt/workspace-doc'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { STICKY_COLOURS } from '../../../src/domain/board'
import { PROFILE_COLOURS } from '../../../src/domain/colours'
import { makeCaretAwareness } from '../../../src/editor/caret-presence'

/**
 * The review's CSS attack (issue #9): a value a peer controls, put into a style or attribute,
 * made every viewer's browser fetch an outside address. Each reader hands the interface only
 * a colour from the app's own palettes.
 */
const HOSTILE = [
  'url(https://tracker.example/pixel.png)',
  'red; background-image: url(https://tracker.example/p)',
  'var(--x, url(//tracker.example/p))',
  'image-set("https://tracker.example/p" 1x)',
  '#fff3a3 url(https://tracker.example/p)',
  '',
  42
]

const fay: BoardActor = { memberId: 'fay', name: 'Fay Okafor', organisation: 'Oldham Council' }
const stickyValues: string[] = STICKY_COLOURS.map((c) => c.value)
const profileValues: string[] = PROFILE_COLOURS.map((c) => c.value)

describe('a sticky note’s colour from a peer', () => {
  it('is read as a colour of the sticky palette, whatever was written', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const boardId = createBoard(doc, { title: 'Review', columns: ['Ideas'] }, fay, 1)
    const columnId = readBoard(doc, boardId)?.columns[0]?.id ?? ''
    const noteId = addStickyNote(doc, boardId, { text: 'A note', colour: '#cfe3ff', columnId }, fay, 2) ?? ''
    const notes = boardMap(doc, boardId)?.get(BOARD.notes) as Y.Map<Y.Map<unknown>>
    for (const hostile of HOSTILE) {
      // What a peer's change does: it writes the field directly, past every check of ours.
      doc.transact(() => notes.get(noteId)?.set('colour', hostile), 'peer')
      const note = readBoard(doc, boardId)?.notes.find((n) => n.id === noteId)
      expect(note?.text).toBe('A note')
      expect(stickyValues).toContain(note?.colour)
    }
  })
})

describe('a member’s colour from a peer', () => {
  it('is read as a colour of the profile palette, and the member is still listed', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    recordMember(doc, 'a'.repeat(32), { name: 'Asha Patel', organisation: 'Oldham Council', colour: '#1d4ed8' }, 1)
    for (const hostile of HOSTILE) {
      doc.transact(() => {
        const record = membersMap(doc).get('a'.repeat(32)) as Record<string, unknown>
        membersMap(doc).set('a'.repeat(32), { ...record, colour: hostile })
      }, 'peer')
      const [member] = readMembers(doc)
      expect(member?.name).toBe('Asha Patel')
      expect(profileValues).toContain(member?.colour)
    }
  })
})

describe('a caret colour from a peer’s presence', () => {
  it('reaches the caret plugin only as a colour of the profile palette', () => {
    const mine = new Awareness(new Y.Doc())
    const theirs = new Awareness(new Y.Doc())
    const carets = makeCaretAwareness(mine)
    for (const hostile of HOSTILE) {
      theirs.setLocalStateField('user', { name: 'Mallory', color: hostile })
      applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'peer')
      for (const states of [carets.getStates(), carets.states]) {
        const user = states.get(theirs.clientID)?.user as Record<string, unknown>
        expect(user.name).toBe('Mallory')
        expect(profileValues).toContain(user.color)
      }
    }
  })
})
