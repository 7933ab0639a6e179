import * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import type { WorkspaceId, WorkspaceSecret } from '../domain/ids'
import { automaticVersionName } from '../domain/version'
import { mergeUpdate } from '../crdt/merge-update'
import { hasWorkspaceContent } from '../crdt/workspace-doc'
import { createVersion } from '../crdt/versions'
import { CHANGES_FILE_PROBLEM_TEXT, changesFileTooLarge, encodeChangesFile, openChangesFile } from './changes-file'
import { checkUpdateOffThread, type CheckedUpdate } from './untrusted-update'
import { fileCheckProblems } from './file-check-problems'
import { updateAddsSomething } from './update-novelty'
import { fillKnown } from '../domain/i18n/known-text'

/**
 * File sync, for devices that never connect: export this device's whole workspace as an
 * encrypted changes file; import one made on another device, which merges like any update.
 */

export interface WorkspaceKeys {
  id: WorkspaceId
  secret: WorkspaceSecret
}

/** Everything this device has of the workspace: the receiver merges what it lacks. */
export const exportChanges = (doc: Y.Doc, keys: WorkspaceKeys): Promise<Uint8Array> =>
  encodeChangesFile(Y.encodeStateAsUpdate(doc), keys.id, keys.secret)

export type ImportChangesResult =
  | { status: 'merged' }
  | { status: 'nothing-new' }
  | { status: 'refused'; message: string }

/** A picked file: its size is checked before a byte is read. */
export interface ChangesSource {
  size: number
  read(): Promise<Uint8Array>
}

const CHECK_PROBLEMS = fileCheckProblems(CHANGES_FILE_PROBLEM_TEXT.damaged)

export const importChanges = async (
  doc: Y.Doc,
  keys: WorkspaceKeys,
  source: ChangesSource,
  actor: Actor | null,
  options: { now?: number; check?: (update: Uint8Array) => Promise<CheckedUpdate> } = {}
): Promise<ImportChangesResult> => {
  if (changesFileTooLarge(source.size)) return { status: 'refused', message: CHANGES_FILE_PROBLEM_TEXT['too-large'] }
  const opened = await openChangesFile(await source.read(), keys.id, keys.secret)
  if (!opened.ok) return { status: 'refused', message: CHANGES_FILE_PROBLEM_TEXT[opened.problem] }
  const checked = await (options.check ?? checkUpdateOffThread)(opened.update)
  if (!checked.ok) return { status: 'refused', message: CHECK_PROBLEMS[checked.problem] }
  if (!updateAddsSomething(doc, checked.update)) return { status: 'nothing-new' }
  const now = options.now ?? Date.now()
  try {
    // Merging only adds, but a version first means the import can be undone by restoring it
    // (a workspace still waiting for its first content has nothing to go back to).
    mergeUpdate(doc, checked.update, () => {
      if (actor && hasWorkspaceContent(doc)) createVersion(doc, { name: automaticVersionName('before-import', now, 'a changes file'), kind: 'before-import' }, actor, now)
    })
  } catch (error) {
    return { status: 'refused', message: fillKnown('fileProblem.changes.notMerged', { reason: error instanceof Error ? error.message : String(error) }) }
  }
  return { status: 'merged' }
}
