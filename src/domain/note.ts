import { z } from 'zod'
import { formProblemsEn } from './i18n/areas/form-problems.en'

/** The kinds of action-research note a lab keeps. */
export const NOTE_TYPES = ['site-visit', 'interview', 'survey', 'workshop', 'desk-research', 'meeting'] as const
export const NoteTypeSchema = z.enum(NOTE_TYPES)
export type NoteType = z.infer<typeof NoteTypeSchema>

export const NOTE_TYPE_LABELS: Record<NoteType, string> = {
  'site-visit': 'Site visit',
  interview: 'Interview',
  survey: 'Survey',
  workshop: 'Workshop',
  'desk-research': 'Desk research',
  meeting: 'Meeting'
}

const IsoDateOrEmpty = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, formProblemsEn['form.problem.date'])])

/**
 * A note's structured details. Each scalar field is stored on its own in the document so
 * that two people editing different fields at once both keep their change; participants
 * are a set, so two people adding names at once both keep theirs.
 */
export const NoteMetaSchema = z.object({
  type: NoteTypeSchema.nullable(),
  date: IsoDateOrEmpty,
  council: z.string().max(120, 'Use 120 characters or fewer'),
  place: z.string().max(200, 'Use 200 characters or fewer'),
  participants: z.array(z.string())
})
export type NoteMeta = z.infer<typeof NoteMetaSchema>

/** The fields stored one value each (participants and tags are sets, stored apart). */
export const NOTE_SCALAR_FIELDS = ['type', 'date', 'council', 'place'] as const
export type NoteScalarField = (typeof NOTE_SCALAR_FIELDS)[number]

export const EMPTY_NOTE_META: NoteMeta = { type: null, date: '', council: '', place: '', participants: [] }

/** Validates one field's new value as typed in the form; returns the value to store or an error. */
export const parseNoteField = (
  field: NoteScalarField,
  raw: string
): { ok: true; value: string | null } | { ok: false; message: string } => {
  const value = raw.trim()
  const shape = NoteMetaSchema.shape
  const schema = field === 'type' ? shape.type : shape[field]
  const parsed = schema.safeParse(field === 'type' ? (value === '' ? null : value) : value)
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, message: parsed.error.issues[0]?.message ?? formProblemsEn['form.problem.notValid'] }
}
