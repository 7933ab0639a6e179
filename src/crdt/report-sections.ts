import * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import type { ArtifactId } from '../domain/ids'
import {
  SectionAssignmentSchema,
  SectionIdSchema,
  SectionStatusSchema,
  UNASSIGNED,
  type SectionAssignment
} from '../domain/report'
import type { DocumentTemplate } from '../domain/templates/template'
import { artifactBody, artifactMap, changeArtifact, createArtifact } from './artifacts'
import { COMMENTS_FIELD } from './comments'
import { mutate } from './mutate'
import { appendTemplateBlocks } from './rich-text-blocks'

/**
 * Section assignments of a report: one map per report whose keys are
 * `<section id>/<field>`. Flat keys, rather than a map per section, because two people
 * assigning a new section at the same moment would each create that section's map and one
 * map would replace the other; with flat keys each field merges on its own.
 */
export const REPORT_SECTIONS_FIELD = 'reportSections'

const FIELDS = ['owner', 'council', 'status'] as const
type Field = (typeof FIELDS)[number]
const key = (sectionId: string, field: Field): string => `${sectionId}/${field}`

export interface NewReport {
  title: string
  template: DocumentTemplate
  tags?: readonly string[]
}

/** Creates a report from a template (its level-1 headings are the sections). */
export const createReport = (doc: Y.Doc, input: NewReport, actor: Actor, now: number): ArtifactId =>
  mutate(doc, () => {
    const id = createArtifact(doc, { kind: 'report', title: input.title, tags: input.tags ?? [] }, actor, now)
    const record = artifactMap(doc, id) as Y.Map<unknown>
    record.set(REPORT_SECTIONS_FIELD, new Y.Map<unknown>())
    record.set(COMMENTS_FIELD, new Y.Map<unknown>())
    appendTemplateBlocks(artifactBody(doc, id) as Y.XmlFragment, input.template.blocks)
    return id
  })

const sectionsOf = (record: Y.Map<unknown>, create: boolean): Y.Map<unknown> | null => {
  const existing = record.get(REPORT_SECTIONS_FIELD)
  if (existing instanceof Y.Map) return existing as Y.Map<unknown>
  if (!create) return null
  const made = new Y.Map<unknown>()
  record.set(REPORT_SECTIONS_FIELD, made)
  return made
}

/**
 * Changes some fields of a section's assignment. Only the given fields are written, so a
 * status change here and an owner change elsewhere both survive. Invalid input is refused
 * (returns false) and nothing is written.
 */
export const assignSection = (
  doc: Y.Doc,
  id: ArtifactId,
  sectionId: string,
  change: Partial<SectionAssignment>,
  actor: Actor,
  now: number
): boolean => {
  if (!SectionIdSchema.safeParse(sectionId).success) return false
  const checked = SectionAssignmentSchema.partial().safeParse(change)
  if (!checked.success) return false
  return changeArtifact(doc, id, actor, now, (record) => {
    const sections = sectionsOf(record, true) as Y.Map<unknown>
    for (const field of FIELDS) {
      const value = checked.data[field]
      if (value !== undefined) sections.set(key(sectionId, field), typeof value === 'string' ? value.trim() : value)
    }
  })
}

/** Every section's assignment, keyed by section id; sections never assigned are absent. */
export const readSectionAssignments = (doc: Y.Doc, id: ArtifactId): Record<string, SectionAssignment> => {
  const record = artifactMap(doc, id)
  const sections = record ? sectionsOf(record, false) : null
  const result: Record<string, SectionAssignment> = {}
  sections?.forEach((value, composite) => {
    const slash = composite.lastIndexOf('/')
    const sectionId = composite.slice(0, slash)
    const field = composite.slice(slash + 1) as Field
    if (!SectionIdSchema.safeParse(sectionId).success || !FIELDS.includes(field)) return
    const current = result[sectionId] ?? { ...UNASSIGNED }
    if (field === 'status') {
      const status = SectionStatusSchema.safeParse(value)
      if (status.success) current.status = status.data
    } else if (typeof value === 'string') {
      current[field] = value
    }
    result[sectionId] = current
  })
  return result
}
