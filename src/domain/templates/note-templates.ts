import type { NoteType } from '../note'
import { listSection, section, type NoteTemplate } from './template'

/**
 * Note templates, one or more per note type. Add one here and it appears in the "New note"
 * choices for its type; nothing else needs to change.
 */
export const NOTE_TEMPLATES: readonly NoteTemplate[] = [
  {
    id: 'blank-note',
    noteType: null,
    name: 'Blank note',
    description: 'An empty page; choose the note type yourself.',
    title: 'Untitled note',
    blocks: [{ type: 'paragraph', text: '' }]
  },
  {
    id: 'site-visit',
    noteType: 'site-visit',
    name: 'Site visit',
    description: 'What you saw, who you met, photos to add and what happens next.',
    title: 'Site visit',
    blocks: [
      ...section('Purpose of the visit'),
      ...section('Observations'),
      ...listSection('People met'),
      ...listSection('Photos to add'),
      ...listSection('Actions')
    ]
  },
  {
    id: 'interview',
    noteType: 'interview',
    name: 'Interview',
    description: 'Context, key findings, quotes in their own words and follow-ups.',
    title: 'Interview',
    blocks: [
      ...section('Context'),
      ...listSection('Key findings'),
      { type: 'heading', level: 1, text: 'Quotes' },
      { type: 'table', header: ['Quote', 'Who (role, not name)', 'Theme'], rows: 2 },
      ...listSection('Follow-ups')
    ]
  },
  {
    id: 'survey',
    noteType: 'survey',
    name: 'Survey',
    description: 'Who was asked and how, the response, headline results and caveats.',
    title: 'Survey',
    blocks: [
      ...section('Who was asked and how'),
      ...section('Response'),
      ...listSection('Headline results'),
      ...section('Caveats'),
      ...listSection('Follow-ups')
    ]
  },
  {
    id: 'workshop',
    noteType: 'workshop',
    name: 'Workshop',
    description: 'Aims, who took part, what came up, decisions and actions.',
    title: 'Workshop',
    blocks: [
      ...section('Aims'),
      ...listSection('Who took part'),
      ...section('What came up'),
      ...listSection('Decisions'),
      { type: 'heading', level: 1, text: 'Actions' },
      { type: 'table', header: ['Action', 'Who', 'By when'], rows: 3 }
    ]
  },
  {
    id: 'desk-research',
    noteType: 'desk-research',
    name: 'Desk research',
    description: 'The question, sources read, what they say and gaps to fill.',
    title: 'Desk research',
    blocks: [
      ...section('Question'),
      ...listSection('Sources'),
      ...section('What the sources say'),
      ...listSection('Gaps and next reading')
    ]
  },
  {
    id: 'meeting',
    noteType: 'meeting',
    name: 'Meeting',
    description: 'Agenda, discussion, decisions and actions with owners.',
    title: 'Meeting',
    blocks: [
      { type: 'heading', level: 1, text: 'Agenda' },
      { type: 'orderedList', items: [''] },
      ...section('Discussion'),
      ...listSection('Decisions'),
      { type: 'heading', level: 1, text: 'Actions' },
      { type: 'table', header: ['Action', 'Who', 'By when'], rows: 3 }
    ]
  }
]

/** The templates offered for a note type: that type's own, then the blank note. */
export const noteTemplatesFor = (type: NoteType | null): NoteTemplate[] =>
  NOTE_TEMPLATES.filter((t) => type === null || t.noteType === type || t.noteType === null)

export const findNoteTemplate = (id: string): NoteTemplate | null => NOTE_TEMPLATES.find((t) => t.id === id) ?? null
