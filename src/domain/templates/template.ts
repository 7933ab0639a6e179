import type { NoteType } from '../note'

/**
 * The blocks a template starts a document with. Templates are data: each is a list of these,
 * turned into rich text when a note or report is created. Headings of level 1 are a report's
 * sections; a paragraph's `text` may be empty, leaving room to write.
 */
export type TemplateBlock =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'bulletList'; items: readonly string[] }
  | { type: 'orderedList'; items: readonly string[] }
  | { type: 'table'; header: readonly string[]; rows: number }

export interface DocumentTemplate {
  id: string
  name: string
  description: string
  /** The title a new document gets unless the person types one. */
  title: string
  blocks: readonly TemplateBlock[]
}

export interface NoteTemplate extends DocumentTemplate {
  /** The note type it sets; null for the blank note, which offers every type. */
  noteType: NoteType | null
}

/** A heading and an empty paragraph under it: the shape of most template sections. */
export const section = (text: string, level: 1 | 2 | 3 = 1): TemplateBlock[] => [
  { type: 'heading', level, text },
  { type: 'paragraph', text: '' }
]

/** A heading with an empty bulleted list under it, for lists of people, actions, quotes. */
export const listSection = (text: string, level: 1 | 2 | 3 = 1): TemplateBlock[] => [
  { type: 'heading', level, text },
  { type: 'bulletList', items: [''] }
]
