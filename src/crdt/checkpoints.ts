import * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import { automaticVersionName } from '../domain/version'
import { MAX_STORED_SNAPSHOT_BYTES, type CheckpointHolds } from '../domain/checkpoint'
import { ARTIFACT, ROOT } from './keys'
import { mutate } from './mutate'
import { copyTypeContent } from './restore-map'
import { createVersion, versionSnapshot, versionsMap } from './versions'
import { artifactsMap } from './workspace-doc'


/** What a workspace holds: counted for a checkpoint's line in the list. */
export const countHolds = (doc: Y.Doc): CheckpointHolds => {
  let artifacts = 0
  let binned = 0
  artifactsMap(doc).forEach((record) => {
    if (!(record instanceof Y.Map)) return
    if (record.get(ARTIFACT.deletedAt) == null) artifacts += 1
    else binned += 1
  })
  return { artifacts, binned, versions: versionsMap(doc).size }
}

/**
 * The whole workspace as it is now, as a Yjs snapshot: which changes it holds and which of them
 * are deleted. Small (a state vector and a delete set), because the content itself stays in
 * this device's copy: workspace docs never discard deleted content (`gc: false`), so whatever a
 * peer deletes later can be rebuilt from it.
 */
export const captureCheckpoint = (doc: Y.Doc): { snapshot: Uint8Array; holds: CheckpointHolds } => ({
  snapshot: Y.encodeSnapshot(Y.snapshot(doc)),
  holds: countHolds(doc)
})

/** The workspace at an encoded snapshot, as a separate doc; null when it cannot be rebuilt. */
export const docAtSnapshot = (doc: Y.Doc, bytes: Uint8Array): Y.Doc | null => {
  if (bytes.length > MAX_STORED_SNAPSHOT_BYTES) return null
  try {
    return Y.createDocFromSnapshot(doc, Y.decodeSnapshot(bytes), new Y.Doc({ gc: false }))
  } catch {
    return null
  }
}

export type RestoreDeletedResult =
  | { ok: true; artifacts: number; versions: number; unbinned: number; texts: number }
  | { ok: false; message: string }

const isEmptyBody = (body: unknown): boolean => !(body instanceof Y.XmlFragment) || body.length === 0

/**
 * "Restore the workspace as it was at …", without rolling anyone back: brings back what was
 * deleted since the snapshot and keeps everything done since.
 * - An artifact that existed then and has been removed since comes back whole, as it was then,
 *   under its own id (so two devices restoring at once do not make two copies).
 * - One that was in use then and is in the bin now comes out of the bin, with its edits since.
 * - One whose text has been emptied since gets its text back as it was then.
 * - A version that existed then and has been removed since comes back.
 * - Everything else (edits since, artifacts made since, the details) is left as it is now.
 * It is an ordinary change, so it syncs and undoes a wipe for everyone; a version is taken first
 * so it can itself be undone.
 */
export const restoreDeletedSince = (
  doc: Y.Doc,
  snapshot: Uint8Array,
  actor: Actor,
  now: number,
  /** How the restore is named in the versions list, e.g. "the workspace as it was at 10:42". */
  label = 'the workspace as it was earlier'
): RestoreDeletedResult => {
  const old = docAtSnapshot(doc, snapshot)
  if (!old) return { ok: false, message: 'This checkpoint can no longer be read on this device.' }
  try {
    const oldArtifacts = old.getMap<unknown>(ROOT.artifacts)
    const oldVersions = old.getMap<unknown>(ROOT.versions)
    const live = artifactsMap(doc)
    const removed: [string, Y.Map<unknown>][] = []
    const binned: Y.Map<unknown>[] = []
    const emptied: [Y.Map<unknown>, Y.XmlFragment][] = []
    oldArtifacts.forEach((oldRecord, id) => {
      if (!(oldRecord instanceof Y.Map)) return
      const current = live.get(id)
      if (!(current instanceof Y.Map)) return void removed.push([id, oldRecord])
      if (oldRecord.get(ARTIFACT.deletedAt) == null && current.get(ARTIFACT.deletedAt) != null) binned.push(current)
      const oldBody = oldRecord.get(ARTIFACT.body)
      if (oldBody instanceof Y.XmlFragment && !isEmptyBody(oldBody) && isEmptyBody(current.get(ARTIFACT.body))) emptied.push([current, oldBody])
    })
    const lostVersions: [string, Y.Map<unknown>][] = []
    oldVersions.forEach((record, id) => {
      if (record instanceof Y.Map && !versionsMap(doc).has(id)) lostVersions.push([id, record])
    })
    const result = { ok: true as const, artifacts: removed.length, versions: lostVersions.length, unbinned: binned.length, texts: emptied.length }
    if (removed.length + binned.length + emptied.length + lostVersions.length === 0) return result
    createVersion(doc, { name: automaticVersionName('before-restore', now, label), kind: 'before-restore' }, actor, now)
    mutate(doc, () => {
      for (const [id, oldRecord] of removed) {
        const fresh = new Y.Map<unknown>()
        live.set(id, fresh)
        copyTypeContent(fresh, oldRecord)
      }
      for (const record of binned) record.set(ARTIFACT.deletedAt, null)
      for (const [record, oldBody] of emptied) {
        const body = new Y.XmlFragment()
        record.set(ARTIFACT.body, body)
        copyTypeContent(body, oldBody)
      }
      for (const [id, oldRecord] of lostVersions) {
        const fresh = new Y.Map<unknown>()
        versionsMap(doc).set(id, fresh)
        copyTypeContent(fresh, oldRecord)
      }
    })
    return result
  } finally {
    old.destroy()
  }
}

/** A version's encoded snapshot as stored in the doc, for this device's copy of it; null if unreadable. */
export const versionSnapshotBytes = (doc: Y.Doc, versionId: string): Uint8Array | null => {
  const snapshot = versionSnapshot(doc, versionId)
  const bytes = snapshot ? Y.encodeSnapshot(snapshot) : null
  return bytes && bytes.length <= MAX_STORED_SNAPSHOT_BYTES ? bytes : null
}
