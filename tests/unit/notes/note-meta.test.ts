import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { artifactBody, readArtifactSummaries } from '../../../src/crdt/artifacts'
import { createNote, readNoteMeta, setNoteField, setNoteParticipants } from '../../../src/crdt/note-meta'
import { parseNoteField } from '../../../src/domain/note'
import { NOTE_TEMPLATES, findNoteTemplate, noteTemplatesFor } from '../../../src/domain/templates/note-templates'
import { markReadOnly, ReadOnlyDocumentError } from '../../../src/crdt/read-only'
import { asha, ben, copyOf, exchange, newWorkspace } from './fixtures'

const interview = findNoteTemplate('interview')!

/** The body as the editor would see it: element names, heading text and attributes. */
const outline = (body: Y.XmlFragment): string[] =>
  body.toArray().map((node) => {
    const element = node as Y.XmlElement
    const text = element.nodeName === 'heading' ? `:${(element.firstChild as Y.XmlText | null)?.toString() ?? ''}` : ''
    return `${element.nodeName}${text}`
  })

describe('notes', () => {
  it('creates a note from a template: type set, sections written as rich text with section ids', () => {
    const doc = newWorkspace()
    const id = createNote(doc, { title: 'Interview with the food hub', template: interview }, asha, 2000)
    expect(readArtifactSummaries(doc)[0]).toMatchObject({ id, kind: 'note', title: 'Interview with the food hub' })
    expect(readNoteMeta(doc, id)).toEqual({ type: 'interview', date: '', council: '', place: '', participants: [] })
    const body = artifactBody(doc, id)!
    expect(outline(body)).toEqual([
      'heading:Context',
      'paragraph',
      'heading:Key findings',
      'bulletList',
      'heading:Quotes',
      'table',
      'heading:Follow-ups',
      'bulletList',
      // somewhere to carry on writing after the last list
      'paragraph'
    ])
    const headings = body.toArray().filter((n) => (n as Y.XmlElement).nodeName === 'heading') as Y.XmlElement[]
    const ids = headings.map((h) => h.getAttribute('sectionId'))
    expect(new Set(ids).size).toBe(headings.length)
    for (const sectionId of ids) expect(sectionId).toMatch(/^s[0-9a-z]{8,24}$/)
    expect(headings[0]!.getAttribute('level')).toBe(1)
  })

  it('offers each type its own templates and the blank note; every template has a unique id', () => {
    expect(noteTemplatesFor('site-visit').map((t) => t.id)).toEqual(['blank-note', 'site-visit'])
    expect(new Set(NOTE_TEMPLATES.map((t) => t.id)).size).toBe(NOTE_TEMPLATES.length)
    const siteVisit = findNoteTemplate('site-visit')!
    const headings = siteVisit.blocks.filter((b) => b.type === 'heading').map((b) => (b as { text: string }).text)
    expect(headings).toEqual(expect.arrayContaining(['Observations', 'People met', 'Photos to add', 'Actions']))
  })

  it('a blank note can be given any type when it is created', () => {
    const doc = newWorkspace()
    const id = createNote(doc, { title: 'Desk notes', template: findNoteTemplate('blank-note')!, type: 'desk-research' }, asha, 1)
    expect(readNoteMeta(doc, id).type).toBe('desk-research')
  })

  it('stores each field on its own, so edits to different fields on two devices both survive', () => {
    const a = newWorkspace()
    const id = createNote(a, { title: 'Visit', template: findNoteTemplate('site-visit')! }, asha, 2000)
    const b = copyOf(a)
    setNoteField(a, id, 'place', 'Failsworth community centre', asha, 3000)
    setNoteField(b, id, 'date', '2026-03-14', ben, 3001)
    setNoteField(b, id, 'council', 'Oldham Council', ben, 3002)
    exchange(a, b)
    const expected = {
      type: 'site-visit',
      date: '2026-03-14',
      council: 'Oldham Council',
      place: 'Failsworth community centre',
      participants: []
    }
    expect(readNoteMeta(a, id)).toEqual(expected)
    expect(readNoteMeta(b, id)).toEqual(expected)
  })

  it('participants are a set: names added on two devices at once are all kept, a removal is respected', () => {
    const a = newWorkspace()
    const id = createNote(a, { title: 'Workshop', template: findNoteTemplate('workshop')! }, asha, 2000)
    setNoteParticipants(a, id, ['Asha Patel', 'Chris Lowe'], asha, 2100)
    const b = copyOf(a)
    setNoteParticipants(a, id, ['Asha Patel', 'Chris Lowe', 'Dee Shah'], asha, 2200)
    setNoteParticipants(b, id, ['Asha Patel', 'Eve Smith'], ben, 2201) // Ben removes Chris, adds Eve
    exchange(a, b)
    expect(readNoteMeta(a, id).participants).toEqual(['Asha Patel', 'Dee Shah', 'Eve Smith'])
    expect(readNoteMeta(b, id).participants).toEqual(['Asha Patel', 'Dee Shah', 'Eve Smith'])
  })

  it('validates fields as typed and refuses bad dates and unknown types', () => {
    expect(parseNoteField('date', '2026-04-01')).toEqual({ ok: true, value: '2026-04-01' })
    expect(parseNoteField('date', '')).toEqual({ ok: true, value: '' })
    expect(parseNoteField('date', '1 April')).toMatchObject({ ok: false })
    expect(parseNoteField('type', 'party')).toMatchObject({ ok: false })
    expect(parseNoteField('type', '')).toEqual({ ok: true, value: null })
    expect(parseNoteField('place', '  The hall  ')).toEqual({ ok: true, value: 'The hall' })
    expect(parseNoteField('place', 'x'.repeat(201))).toMatchObject({ ok: false })
  })

  it('reads malformed fields from a peer as empty instead of failing', () => {
    const doc = newWorkspace()
    const id = createNote(doc, { title: 'Visit', template: interview }, asha, 2000)
    const record = doc.getMap('artifacts').get(id) as Y.Map<unknown>
    doc.transact(() => {
      record.set('noteType', 'party')
      record.set('noteDate', 42)
    })
    expect(readNoteMeta(doc, id)).toMatchObject({ type: null, date: '' })
  })

  it('refuses to write to a read-only workspace and leaves it unchanged', () => {
    const doc = newWorkspace()
    const id = createNote(doc, { title: 'Visit', template: interview }, asha, 2000)
    markReadOnly(doc, 'damaged')
    const before = Y.encodeStateAsUpdate(doc)
    expect(() => setNoteField(doc, id, 'place', 'Hall', asha, 3000)).toThrow(ReadOnlyDocumentError)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })
})
