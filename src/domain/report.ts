import { z } from 'zod'

/** Where a report section stands; shown beside the section in the outline. */
export const SECTION_STATUSES = ['draft', 'in-review', 'agreed'] as const
export const SectionStatusSchema = z.enum(SECTION_STATUSES)
export type SectionStatus = z.infer<typeof SectionStatusSchema>

/**
 * Who looks after one section of a report. Stored field by field, keyed by the section's
 * stable id (an attribute of its heading), so a change of owner on one device and a change
 * of status on another both survive, and both follow the heading however the text moves.
 */
export const SectionAssignmentSchema = z.object({
  owner: z.string().max(80, 'Use 80 characters or fewer'),
  council: z.string().max(120, 'Use 120 characters or fewer'),
  status: SectionStatusSchema
})
export type SectionAssignment = z.infer<typeof SectionAssignmentSchema>

export const UNASSIGNED: SectionAssignment = { owner: '', council: '', status: 'draft' }

/** Section ids are short random strings; anything else arriving from a peer is ignored. */
const SECTION_ID = /^s[0-9a-z]{8,24}$/
export const SectionIdSchema = z.string().regex(SECTION_ID)
export const isSectionId = (value: unknown): value is string => typeof value === 'string' && SECTION_ID.test(value)

export const makeSectionId = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return `s${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 12)}`
}

/** One heading in a document's outline. Sections are the level-1 headings. */
export interface OutlineEntry {
  level: number
  text: string
  sectionId: string | null
  /** Where the heading started in the editor when the outline was read. */
  position: number
}

const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu

/** Words as a reader counts them: runs of letters or digits, with inner apostrophes and hyphens. */
export const countWords = (text: string): number => text.match(WORD)?.length ?? 0
