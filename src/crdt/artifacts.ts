import * as Y from 'yjs'
import {
  ArtifactSummarySchema,
  type Actor,
  type ArtifactKind,
  type ArtifactSummary
} from '../domain/artifact'
import { makeArtifactId, type ArtifactId } from '../domain/ids'
import { normaliseTag } from '../domain/tags'
import { ARTIFACT } from './keys'
import { mutate } from './mutate'
import { artifactsMap } from './workspace-doc'

export interface NewArtifact {
  kind: ArtifactKind
  title: string
  tags?: readonly string[]
}

/** The artifact's own map, for the kind-specific crdt modules (notes, reports, comments). */
export const artifactMap = (doc: Y.Doc, id: ArtifactId): Y.Map<unknown> | null => {
  const value = artifactsMap(doc).get(id)
  return value instanceof Y.Map ? value : null
}

/** Creates an artifact with an empty rich-text body and returns its id. */
export const createArtifact = (
  doc: Y.Doc,
  input: NewArtifact,
  actor: Actor,
  now: number
): ArtifactId =>
  mutate(doc, () => {
    const id = makeArtifactId()
    const record = new Y.Map<unknown>()
    const tags = new Y.Map<true>()
    for (const tag of input.tags ?? []) tags.set(tag, true)
    record.set(ARTIFACT.kind, input.kind)
    record.set(ARTIFACT.title, input.title)
    record.set(ARTIFACT.createdBy, actor)
    record.set(ARTIFACT.createdAt, now)
    record.set(ARTIFACT.updatedBy, actor)
    record.set(ARTIFACT.updatedAt, now)
    // Tags are a map used as a set: concurrent additions from two peers both survive.
    record.set(ARTIFACT.tags, tags)
    record.set(ARTIFACT.deletedAt, null)
    record.set(ARTIFACT.body, new Y.XmlFragment())
    artifactsMap(doc).set(id, record)
    return id
  })

/** Marks an artifact as changed by someone; call inside the mutation that changed it. */
const touch = (record: Y.Map<unknown>, actor: Actor, now: number): void => {
  record.set(ARTIFACT.updatedBy, actor)
  record.set(ARTIFACT.updatedAt, now)
}

export const changeArtifact = (
  doc: Y.Doc,
  id: ArtifactId,
  actor: Actor,
  now: number,
  change: (record: Y.Map<unknown>) => void
): boolean =>
  mutate(doc, () => {
    const record = artifactMap(doc, id)
    if (!record) return false
    change(record)
    touch(record, actor, now)
    return true
  })

export const renameArtifact = (
  doc: Y.Doc,
  id: ArtifactId,
  title: string,
  actor: Actor,
  now: number
): boolean => changeArtifact(doc, id, actor, now, (r) => r.set(ARTIFACT.title, title))

/** Moves an artifact to the bin; its content is kept whole and can be restored. */
export const moveArtifactToBin = (doc: Y.Doc, id: ArtifactId, actor: Actor, now: number): boolean =>
  changeArtifact(doc, id, actor, now, (r) => r.set(ARTIFACT.deletedAt, now))

/**
 * Takes an artifact out of the bin. Its "last edited by" stays as it was: whoever restores it
 * has not edited it (the authorship records still note who wrote this change).
 */
export const restoreArtifact = (doc: Y.Doc, id: ArtifactId): boolean =>
  mutate(doc, () => {
    const record = artifactMap(doc, id)
    if (!record) return false
    record.set(ARTIFACT.deletedAt, null)
    return true
  })

/**
 * Replaces an artifact's tags with `tags` by adding and removing single entries, so that a
 * tag someone else added meanwhile is kept unless this person removed it.
 */
export const setArtifactTags = (
  doc: Y.Doc,
  id: ArtifactId,
  tags: readonly string[],
  actor: Actor,
  now: number
): boolean =>
  changeArtifact(doc, id, actor, now, (r) => {
    let set = r.get(ARTIFACT.tags)
    if (!(set instanceof Y.Map)) {
      set = new Y.Map<true>()
      r.set(ARTIFACT.tags, set)
    }
    const current = set as Y.Map<true>
    const wanted = new Set(tags.map(normaliseTag).filter((t) => t.length > 0))
    for (const tag of [...current.keys()]) if (!wanted.has(tag)) current.delete(tag)
    for (const tag of wanted) if (!current.has(tag)) current.set(tag, true)
  })

/**
 * Records that someone edited an artifact's body. The editor writes rich text through its own
 * binding, so it calls this (throttled) to keep "last edited by" current.
 */
export const markArtifactEdited = (doc: Y.Doc, id: ArtifactId, actor: Actor, now: number): boolean =>
  changeArtifact(doc, id, actor, now, () => undefined)

/** The rich-text body that the editor binds to, or null for an unknown artifact. */
export const artifactBody = (doc: Y.Doc, id: ArtifactId): Y.XmlFragment | null => {
  const body = artifactMap(doc, id)?.get(ARTIFACT.body)
  return body instanceof Y.XmlFragment ? body : null
}

const readTags = (value: unknown): string[] =>
  value instanceof Y.Map ? [...value.keys()].sort((a, b) => a.localeCompare(b)) : []

/**
 * Summaries of every artifact, newest edit first. A record that a peer sent in a shape this
 * build does not understand is left out of the list rather than breaking it.
 */
export const readArtifactSummaries = (doc: Y.Doc): ArtifactSummary[] => {
  const result: ArtifactSummary[] = []
  artifactsMap(doc).forEach((record, id) => {
    if (!(record instanceof Y.Map)) return
    const parsed = ArtifactSummarySchema.safeParse({
      id,
      kind: record.get(ARTIFACT.kind),
      title: record.get(ARTIFACT.title),
      createdBy: record.get(ARTIFACT.createdBy),
      createdAt: record.get(ARTIFACT.createdAt),
      updatedBy: record.get(ARTIFACT.updatedBy),
      updatedAt: record.get(ARTIFACT.updatedAt),
      tags: readTags(record.get(ARTIFACT.tags)),
      deletedAt: record.get(ARTIFACT.deletedAt) ?? null
    })
    if (parsed.success) result.push(parsed.data)
  })
  return result.sort((a, b) => b.updatedAt - a.updatedAt)
}
