import * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import type { ArtifactId } from '../domain/ids'
import {
  EMPTY_NOTE_META,
  NoteMetaSchema,
  NoteTypeSchema,
  type NoteMeta,
  type NoteScalarField,
  type NoteType
} from '../domain/note'
import type { NoteTemplate } from '../domain/templates/template'
import { artifactBody, artifactMap, changeArtifact, createArtifact } from './artifacts'
import { mutate } from './mutate'
import { readString } from './plain-values'
import { appendTemplateBlocks } from './rich-text-blocks'
import { COMMENTS_FIELD } from './comments'

/**
 * A note's details are fields of its artifact map, one key each, so edits to different
 * fields on two devices both survive. Participants are a map used as a set (key: the name in
 * lower case, value: the name as typed).
 */
export const NOTE = {
  type: 'noteType',
  date: 'noteDate',
  council: 'noteCouncil',
  place: 'notePlace',
  participants: 'noteParticipants'
} as const satisfies Record<NoteScalarField | 'participants', string>

export interface NewNote {
  title: string
  template: NoteTemplate
  /** Overrides the template's type (a blank note can be any type). */
  type?: NoteType | null
  tags?: readonly string[]
  council?: string
}

/** Creates a note from a template and returns its id. */
export const createNote = (doc: Y.Doc, input: NewNote, actor: Actor, now: number): ArtifactId =>
  mutate(doc, () => {
    const id = createArtifact(doc, { kind: 'note', title: input.title, tags: input.tags ?? [] }, actor, now)
    const record = artifactMap(doc, id) as Y.Map<unknown>
    record.set(NOTE.type, input.type === undefined ? input.template.noteType : input.type)
    record.set(NOTE.date, '')
    record.set(NOTE.council, input.council ?? '')
    record.set(NOTE.place, '')
    // Containers are made with the artifact: two peers creating one later would race.
    record.set(NOTE.participants, new Y.Map<string>())
    record.set(COMMENTS_FIELD, new Y.Map<unknown>())
    appendTemplateBlocks(artifactBody(doc, id) as Y.XmlFragment, input.template.blocks)
    return id
  })

/** Stores one validated field of a note's details. */
export const setNoteField = (
  doc: Y.Doc,
  id: ArtifactId,
  field: NoteScalarField,
  value: string | null,
  actor: Actor,
  now: number
): boolean =>
  changeArtifact(doc, id, actor, now, (record) => {
    record.set(NOTE[field], field === 'type' ? value : (value ?? ''))
  })

const participantsOf = (record: Y.Map<unknown>): Y.Map<string> => {
  const existing = record.get(NOTE.participants)
  if (existing instanceof Y.Map) return existing as Y.Map<string>
  // Notes made by an older build have no set yet; the first person to add a name makes it.
  const created = new Y.Map<string>()
  record.set(NOTE.participants, created)
  return created
}

/**
 * Makes the participants the given names by adding and removing single names, so that a
 * name someone else added meanwhile is kept unless this person removed it.
 */
export const setNoteParticipants = (
  doc: Y.Doc,
  id: ArtifactId,
  names: readonly string[],
  actor: Actor,
  now: number
): boolean =>
  changeArtifact(doc, id, actor, now, (record) => {
    const set = participantsOf(record)
    const wanted = new Map(names.map((name) => [name.trim().toLowerCase(), name.trim()] as const))
    wanted.delete('')
    for (const key of [...set.keys()]) if (!wanted.has(key)) set.delete(key)
    for (const [key, name] of wanted) if (set.get(key) !== name) set.set(key, name)
  })

/** A note's details; anything malformed from a peer reads as empty rather than failing. */
export const readNoteMeta = (doc: Y.Doc, id: ArtifactId): NoteMeta => {
  const record = artifactMap(doc, id)
  if (!record) return EMPTY_NOTE_META
  const participants = record.get(NOTE.participants)
  const names =
    participants instanceof Y.Map
      ? [...participants.values()].filter((n): n is string => typeof n === 'string').sort((a, b) => a.localeCompare(b))
      : []
  const candidate = {
    type: NoteTypeSchema.nullable().catch(null).parse(record.get(NOTE.type) ?? null),
    date: readString(record.get(NOTE.date)),
    council: readString(record.get(NOTE.council)),
    place: readString(record.get(NOTE.place)),
    participants: names
  }
  const parsed = NoteMetaSchema.safeParse(candidate)
  return parsed.success ? parsed.data : { ...EMPTY_NOTE_META, participants: names, type: candidate.type }
}
