import * as Y from 'yjs'
import { z } from 'zod'
import { ActorSchema, type Actor } from '../domain/artifact'
import type { WorkspaceDetails } from '../domain/workspace-meta'
import { META } from './keys'
import { mutate } from './mutate'
import { readString, readNumber } from './plain-values'
import { CURRENT_SCHEMA_VERSION, readSchemaVersion } from './schema-version'
import { metaMap } from './workspace-doc'

export interface WorkspaceMeta extends WorkspaceDetails {
  schemaVersion: number
  createdAt: number
  createdBy: Actor | null
}

const partnerCouncilsArray = (doc: Y.Doc): Y.Array<string> | null => {
  const value = metaMap(doc).get(META.partnerCouncils)
  return value instanceof Y.Array ? (value as Y.Array<string>) : null
}

/** Reads meta tolerantly: a malformed field from a peer reads as empty, never as a crash. */
export const readWorkspaceMeta = (doc: Y.Doc): WorkspaceMeta => {
  const meta = metaMap(doc)
  const councils = partnerCouncilsArray(doc)?.toArray() ?? []
  const createdBy = ActorSchema.safeParse(meta.get(META.createdBy))
  const seen = new Set<string>()
  return {
    schemaVersion: readSchemaVersion(doc),
    name: readString(meta.get(META.name)),
    description: readString(meta.get(META.description)),
    leadCouncil: readString(meta.get(META.leadCouncil)),
    // Two people adding the same council at once leave two entries; show it once.
    partnerCouncils: councils.filter((c): c is string => {
      if (typeof c !== 'string' || seen.has(c.toLowerCase())) return false
      seen.add(c.toLowerCase())
      return true
    }),
    startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).safeParse(meta.get(META.startDate)).data ?? '',
    createdAt: readNumber(meta.get(META.createdAt)),
    createdBy: createdBy.success ? createdBy.data : null
  }
}

/** Sets up a new workspace's document. */
export const initialiseWorkspace = (
  doc: Y.Doc,
  details: WorkspaceDetails,
  actor: Actor,
  now: number
): void =>
  mutate(doc, () => {
    const meta = metaMap(doc)
    meta.set(META.schemaVersion, CURRENT_SCHEMA_VERSION)
    meta.set(META.createdAt, now)
    meta.set(META.createdBy, actor)
    meta.set(META.partnerCouncils, new Y.Array<string>())
    writeDetails(doc, details)
  })

/** Changes only the fields that differ, so concurrent edits of other fields are kept. */
export const updateWorkspaceDetails = (doc: Y.Doc, details: Partial<WorkspaceDetails>): void =>
  mutate(doc, () => writeDetails(doc, details))

export const renameWorkspace = (doc: Y.Doc, name: string): void =>
  updateWorkspaceDetails(doc, { name })

const writeDetails = (doc: Y.Doc, details: Partial<WorkspaceDetails>): void => {
  const meta = metaMap(doc)
  const scalarFields = ['name', 'description', 'leadCouncil', 'startDate'] as const
  for (const field of scalarFields) {
    const value = details[field]
    if (value !== undefined && meta.get(META[field]) !== value) meta.set(META[field], value)
  }
  if (details.partnerCouncils) syncCouncilList(doc, details.partnerCouncils)
}

/** Applies the difference between the stored list and the wanted one, item by item. */
const syncCouncilList = (doc: Y.Doc, wanted: readonly string[]): void => {
  let list = partnerCouncilsArray(doc)
  if (!list) {
    list = new Y.Array<string>()
    metaMap(doc).set(META.partnerCouncils, list)
  }
  const wantedKeys = new Set(wanted.map((c) => c.toLowerCase()))
  const current = list.toArray()
  for (let i = current.length - 1; i >= 0; i--) {
    const council = current[i]
    if (typeof council !== 'string' || !wantedKeys.has(council.toLowerCase())) list.delete(i, 1)
  }
  const kept = new Set(list.toArray().map((c) => c.toLowerCase()))
  const additions = wanted.filter((c) => !kept.has(c.toLowerCase()))
  if (additions.length > 0) list.push(additions)
}
