import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { artifactBody, moveArtifactToBin } from '../../../src/crdt/artifacts'
import { addStickyNote, createBoard, readBoard, setBoardAnonymous, startSilentBrainstorm, type BoardActor } from '../../../src/crdt/board'
import { addComment, makeTextAnchor, replyToComment } from '../../../src/crdt/comments'
import { createLabPlan } from '../../../src/crdt/lab-plan'
import { addPlanRow } from '../../../src/crdt/lab-plan-rows'
import { createNote, setNoteField } from '../../../src/crdt/note-meta'
import { addContact, addResource } from '../../../src/crdt/partner-items'
import { addPartner, createPartnerMap } from '../../../src/crdt/partner-map'
import { changedArtifactIds } from '../../../src/crdt/search-changes'
import { readSearchItems } from '../../../src/crdt/search-items'
import { artifactsMap, makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { MAX_ITEM_TEXT, type SearchItem } from '../../../src/domain/search/search-item'
import { findNoteTemplate } from '../../../src/domain/templates/note-templates'
import { addLegacyPrivateNote } from '../board/legacy-private-note'

const asha: BoardActor = { memberId: 'asha', name: 'Asha Patel', organisation: 'Oldham Council' }
const rhys: BoardActor = { memberId: 'rhys', name: 'Rhys Morgan', organisation: 'Cardiff Council' }

const writeParagraph = (doc: Y.Doc, body: Y.XmlFragment, text: string): Y.XmlText => {
  const line = new Y.XmlText(text)
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [line])
    body.push([paragraph])
  })
  return line
}

const all = (doc: Y.Doc, viewerId = 'asha'): SearchItem[] => [...readSearchItems(doc, { viewerId }).values()].flat()

describe('reading the workspace for search', () => {
  it('reads a note’s title, text and council, and each comment thread with its replies', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const id = createNote(doc, { title: 'Visit to Ynys Môn', template: findNoteTemplate('blank-note')! }, asha, 10)
    setNoteField(doc, id, 'council', 'Isle of Anglesey County Council', asha, 11)
    const body = artifactBody(doc, id)!
    const line = writeParagraph(doc, body, 'Community energy on the island')
    const thread = addComment(doc, id, { anchor: makeTextAnchor({ type: line, index: 0 }, { type: line, index: 8 }), quote: 'Community', body: 'Which co-operative?' }, rhys, 20)
    if (!thread.ok) throw new Error(thread.message)
    replyToComment(doc, id, thread.value, 'Ynni Môn, I think', asha, 30)
    const items = all(doc)
    const note = items.find((i) => i.id === id)
    expect(note).toMatchObject({ kind: 'note', title: 'Visit to Ynys Môn', author: 'Asha Patel', council: 'Isle of Anglesey County Council', target: { kind: 'text' } })
    expect(note?.text).toContain('Community energy on the island')
    const comment = items.find((i) => i.kind === 'comment')
    expect(comment).toMatchObject({ artifactId: id, author: 'Rhys Morgan', council: 'Cardiff Council', date: 30, target: { kind: 'comment', threadId: thread.value } })
    expect(comment?.text).toContain('Which co-operative?')
    expect(comment?.text).toContain('Ynni Môn, I think')
  })

  it('reads formatted text as plain words, one line per block', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const id = createNote(doc, { title: 'Formatted', template: findNoteTemplate('blank-note')! }, asha, 10)
    const body = artifactBody(doc, id)!
    const line = writeParagraph(doc, body, 'solar panels on roofs')
    line.format(0, 5, { bold: true })
    line.insert(5, ' and wind', { italic: true })
    writeParagraph(doc, body, 'second block')
    const note = all(doc).find((i) => i.id === id)
    expect(note?.text.endsWith('solar and wind panels on roofs\nsecond block')).toBe(true)
  })

  it('caps the text of a huge body', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const id = createNote(doc, { title: 'Long', template: findNoteTemplate('blank-note')! }, asha, 10)
    const body = artifactBody(doc, id)!
    for (let i = 0; i < 30; i++) writeParagraph(doc, body, 'word '.repeat(1000))
    const note = all(doc).find((i) => i.id === id)
    expect(note?.text.length).toBe(MAX_ITEM_TEXT)
  })

  it('reads each partner with its contacts, offers and needs', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const mapId = createPartnerMap(doc, { title: 'Partners' }, asha, 1)
    const partner = addPartner(doc, mapId, { name: 'Ynni Cymunedol Môn' }, asha, 2)!
    addContact(doc, mapId, partner, { name: 'Gwen Jones', jobTitle: 'Director' }, asha, 3)
    addResource(doc, mapId, partner, 'offers', { category: 'skills', detail: 'Solar installation training' }, asha, 4)
    addResource(doc, mapId, partner, 'needs', { category: 'funding', detail: 'Grid connection costs' }, asha, 5)
    const [item] = all(doc).filter((i) => i.kind === 'partner')
    expect(item).toMatchObject({ artifactId: mapId, title: 'Ynni Cymunedol Môn', target: { kind: 'partner', partnerId: partner } })
    for (const words of ['Gwen Jones', 'Director', 'Solar installation training', 'Grid connection costs']) expect(item?.text).toContain(words)
  })

  it('reads board notes, but not someone else’s note in a silent brainstorm still under way, nor names on an anonymous board', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const boardId = createBoard(doc, { title: 'Ideas', columns: ['Ideas'] }, asha, 1)
    const column = readBoard(doc, boardId)!.columns[0]!.id
    addStickyNote(doc, boardId, { text: 'Open note about allotments', colour: '#fff3a3', columnId: column }, asha, 2)
    startSilentBrainstorm(doc, boardId, asha)
    // As an earlier version wrote it, into the shared board: still hidden from others.
    addLegacyPrivateNote(doc, boardId, { text: 'Private thought about allotments', columnId: column }, rhys, 3)
    const texts = (viewer: string) => all(doc, viewer).filter((i) => i.kind === 'board-note').map((i) => i.text).sort()
    expect(texts('asha')).toEqual(['Open note about allotments'])
    expect(texts('rhys')).toEqual(['Open note about allotments', 'Private thought about allotments'])
    expect(all(doc).find((i) => i.kind === 'board-note')?.author).toBe('Asha Patel')
    setBoardAnonymous(doc, boardId, true, asha)
    expect(all(doc).find((i) => i.kind === 'board-note')?.author).toBe('')
  })

  it('reads the lab plan’s rows into one item', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const planId = createLabPlan(doc, { title: 'Lab plan' }, asha, 1)
    addPlanRow(doc, planId, 'outcomes', { title: 'More local spending', description: 'Anchor institutions buy locally' }, asha, 2)
    const [plan] = all(doc).filter((i) => i.kind === 'lab-plan')
    expect(plan?.text).toContain('More local spending')
    expect(plan?.text).toContain('Anchor institutions buy locally')
  })

  it('leaves out what is in the bin', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const id = createNote(doc, { title: 'Binned', template: findNoteTemplate('blank-note')! }, asha, 10)
    moveArtifactToBin(doc, id, asha, 11)
    expect(readSearchItems(doc, { viewerId: 'asha' }).get(id)).toEqual([])
  })

  it('names the artifacts a change touched, from a new artifact down to typing in a body', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const seen: Set<string>[] = []
    artifactsMap(doc).observeDeep((events) => seen.push(changedArtifactIds(events)))
    const a = createNote(doc, { title: 'A', template: findNoteTemplate('blank-note')! }, asha, 1)
    const b = createNote(doc, { title: 'B', template: findNoteTemplate('blank-note')! }, asha, 2)
    writeParagraph(doc, artifactBody(doc, b)!, 'typed')
    expect(seen.map((s) => [...s])).toEqual([[a], [b], [b]])
  })
})
