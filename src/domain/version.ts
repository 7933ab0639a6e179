import { z } from 'zod'
import { ActorSchema } from './artifact'

/** Why a version exists: a person named it, or the app took it to make a change undoable. */
export const VersionKindSchema = z.enum(['named', 'first-edit-of-day', 'before-restore', 'before-import'])
export type VersionKind = z.infer<typeof VersionKindSchema>

export const VersionSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: VersionKindSchema,
  createdAt: z.number(),
  createdBy: ActorSchema
})
export type VersionSummary = z.infer<typeof VersionSummarySchema>

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })

/** The label an automatic version gets, so a list of them reads as a history. */
export const automaticVersionName = (kind: Exclude<VersionKind, 'named'>, at: number, detail = ''): string => {
  const day = DAY_FORMAT.format(at)
  switch (kind) {
    case 'first-edit-of-day':
      return `Start of ${day}`
    case 'before-restore':
      return `Before restoring ${detail || 'an earlier version'}`
    case 'before-import':
      return `Before importing ${detail || 'a file'}`
  }
}

/** Local calendar day of a timestamp, e.g. "2026-11-24", for "first edit of each day". */
export const localDay = (at: number): string => {
  const d = new Date(at)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
