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

/** How the stored (English) name of an automatic version begins, before its detail. */
export const AUTOMATIC_NAME_PREFIX = { 'before-restore': 'Before restoring ', 'before-import': 'Before importing ' } as const

/**
 * The label an automatic version is stored with, in English, so a list of them reads as a
 * history anywhere. The interface shows it in the current language, built again from the
 * kind, the time and this detail (ui/features/versions/version-name.ts).
 */
export const automaticVersionName = (kind: Exclude<VersionKind, 'named'>, at: number, detail = ''): string => {
  switch (kind) {
    case 'first-edit-of-day':
      return `Start of ${DAY_FORMAT.format(at)}`
    case 'before-restore':
      return `${AUTOMATIC_NAME_PREFIX[kind]}${detail || 'an earlier version'}`
    case 'before-import':
      return `${AUTOMATIC_NAME_PREFIX[kind]}${detail || 'a file'}`
  }
}

/** Local calendar day of a timestamp, e.g. "2026-11-24", for "first edit of each day". */
export const localDay = (at: number): string => {
  const d = new Date(at)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
