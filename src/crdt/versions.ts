import * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import { makeArtifactId, type ArtifactId } from '../domain/ids'
import { VersionSummarySchema, automaticVersionName, localDay, type VersionKind, type VersionSummary } from '../domain/version'
import { ARTIFACT, ROOT } from './keys'
import { mutate } from './mutate'
import { LOCAL_EDIT, type MutationOrigin } from './origins'
import { copyTypeContent, restoreMapFrom } from './restore-map'
import { COMPACT_VERSIONS_FORMAT, markFormat } from './schema-version'
import { makeVersionRecord, rememberWritten, resolveVersion, snapshotOfState, VERSION_FIELD } from './version-chain'
import { encodeVersionRecord } from './version-records'
import { artifactsMap, metaMap } from './workspace-doc'

/** Versions live in the doc, so every peer has the same history. */
export const versionsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(ROOT.versions)

/** Origin of the app's own bookkeeping writes (automatic versions); not an edit by anyone. */
export const VERSIONING = 'mutual:versioning'

/**
 * Records the state the doc is in now as a version. The snapshot is taken before the version
 * itself is stored, so restoring it never brings back a version list.
 */
export const createVersion = (
  doc: Y.Doc,
  input: { name: string; kind: VersionKind },
  actor: Actor,
  now: number,
  origin: MutationOrigin | typeof VERSIONING = LOCAL_EDIT
): string => {
  const snapshot = Y.snapshot(doc)
  let id = ''
  const write = (): void => {
    id = storeVersion(doc, { ...input, createdAt: now, createdBy: actor, snapshot })
  }
  if (origin === VERSIONING) doc.transact(write, VERSIONING)
  else mutate(doc, write, origin)
  return id
}

/**
 * Writes a version record for a snapshot taken earlier; call inside a transaction. It is stored
 * relative to the newest version (version-chain.ts), and the formats map says so, in the same
 * transaction, so an older Mutual opens the workspace read-only instead of misreading it.
 */
export const storeVersion = (
  doc: Y.Doc,
  input: { name: string; kind: VersionKind; createdAt: number; createdBy: Actor; snapshot: Y.Snapshot }
): string => {
  const id = makeArtifactId()
  const { record, state } = makeVersionRecord(doc, input.snapshot, readVersions(doc)[0]?.id ?? null)
  const version = new Y.Map<unknown>()
  version.set('name', input.name)
  version.set('kind', input.kind)
  version.set('createdAt', input.createdAt)
  version.set('createdBy', input.createdBy)
  const bytes = encodeVersionRecord(record)
  version.set(VERSION_FIELD.record, bytes)
  markFormat(doc, COMPACT_VERSIONS_FORMAT)
  versionsMap(doc).set(id, version)
  rememberWritten(doc, id, bytes, state, record.depth)
  return id
}

/** Every version, newest first; a malformed entry from a peer is left out. */
export const readVersions = (doc: Y.Doc): VersionSummary[] => {
  const result: VersionSummary[] = []
  versionsMap(doc).forEach((value, id) => {
    if (!(value instanceof Y.Map)) return
    const parsed = VersionSummarySchema.safeParse({
      id,
      name: value.get('name'),
      kind: value.get('kind'),
      createdAt: value.get('createdAt'),
      createdBy: value.get('createdBy')
    })
    if (parsed.success && (value.get(VERSION_FIELD.record) instanceof Uint8Array || value.get(VERSION_FIELD.snapshot) instanceof Uint8Array)) {
      result.push(parsed.data)
    }
  })
  return result.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
}

/** The decoded snapshot of a version, or null when it is missing or unreadable. */
export const versionSnapshot = (doc: Y.Doc, versionId: string): Y.Snapshot | null => {
  const resolved = resolveVersion(doc, versionId)
  return resolved ? snapshotOfState(resolved.state) : null
}

/**
 * The whole workspace as it was at a version, as a separate read-only doc (needs `gc: false`
 * on the live doc, which workspace docs have). Null if the version cannot be read.
 */
export const docAtVersion = (doc: Y.Doc, versionId: string): Y.Doc | null => {
  const snapshot = versionSnapshot(doc, versionId)
  if (!snapshot) return null
  try {
    return Y.createDocFromSnapshot(doc, snapshot, new Y.Doc({ gc: false }))
  } catch {
    return null
  }
}

/** True when no version was taken yet on the local day of `now` (for "first edit of the day"). */
export const needsDailyVersion = (doc: Y.Doc, now: number): boolean =>
  !readVersions(doc).some((v) => localDay(v.createdAt) === localDay(now))

const versionName = (doc: Y.Doc, versionId: string): string =>
  readVersions(doc).find((v) => v.id === versionId)?.name ?? 'an earlier version'

/**
 * Restores one artifact (title, tags, rich text, and any data a feature keeps in it, such as
 * partners or a board) to how it was at a version. It is a new change like any other edit, so
 * it syncs to peers and no peer undoes it; a version is taken first so it can be undone.
 */
export const restoreArtifactToVersion = (
  doc: Y.Doc,
  artifactId: ArtifactId,
  versionId: string,
  actor: Actor,
  now: number
): boolean => {
  const old = docAtVersion(doc, versionId)
  const oldRecord = old?.getMap(ROOT.artifacts).get(artifactId)
  if (!old || !(oldRecord instanceof Y.Map)) return false
  // Named after what was restored: every artifact's history lists every version.
  const title = artifactsMap(doc).get(artifactId)?.get(ARTIFACT.title) ?? oldRecord.get(ARTIFACT.title)
  const what = typeof title === 'string' ? `“${title}” to ` : ''
  createVersion(doc, { name: automaticVersionName('before-restore', now, `${what}“${versionName(doc, versionId)}”`), kind: 'before-restore' }, actor, now)
  mutate(doc, () => {
    const current = artifactsMap(doc).get(artifactId)
    if (current instanceof Y.Map) restoreMapFrom(current, oldRecord)
    else {
      const fresh = new Y.Map<unknown>()
      artifactsMap(doc).set(artifactId, fresh)
      copyTypeContent(fresh, oldRecord)
    }
  })
  old.destroy()
  return true
}

/** Restores the workspace's details (name, councils, dates) to a version, as a new change. */
export const restoreWorkspaceDetailsToVersion = (doc: Y.Doc, versionId: string, actor: Actor, now: number): boolean => {
  const old = docAtVersion(doc, versionId)
  if (!old) return false
  createVersion(doc, { name: automaticVersionName('before-restore', now, `the lab’s details to “${versionName(doc, versionId)}”`), kind: 'before-restore' }, actor, now)
  mutate(doc, () => restoreMapFrom(metaMap(doc), old.getMap(ROOT.meta)))
  old.destroy()
  return true
}
