import type * as Y from 'yjs'
import { WorkspaceIdSchema, type WorkspaceId } from '../domain/ids'
import { makeWorkspaceDoc } from '../crdt/workspace-doc'
import { pendingEarlyRead, workspaceInHash } from './early-read'
import { workspaceDbName } from './workspace-db-name'
import { openWorkspacePersistence, type WorkspacePersistence } from './workspace-persistence'

/**
 * Opening the workspace the address names as soon as the app's code runs.
 *
 * Applying a big workspace's stored updates is most of a cold open, and it used to start only
 * once the app had read its registry and profile, rendered its shell and reached the
 * workspace page: tens of ms spent waiting on IndexedDB and on loading the page's code, with
 * the main thread idle. Started here, the load runs beside those instead, and the workspace
 * session adopts the loaded doc and its storage (workspace-session.ts).
 *
 * Only a workspace whose database the early read (early-read.ts) found is opened, so an
 * address naming a workspace this device does not have creates nothing. An open nobody
 * adopts (the person went elsewhere, or the registry has no such workspace) is closed again.
 */
export interface EarlyOpen {
  id: WorkspaceId
  doc: Y.Doc
  persistence: WorkspacePersistence
}

const DISCARD_AFTER_MS = 30_000

let pending: { id: WorkspaceId; open: Promise<EarlyOpen | null> } | null = null

const close = (early: EarlyOpen): void => {
  void early.persistence.destroy().finally(() => early.doc.destroy())
}

/** Starts loading the workspace `hash` names, if its stored rows are being read early. */
export const startEarlyOpen = (hash: string, discardAfterMs = DISCARD_AFTER_MS): void => {
  const parsed = WorkspaceIdSchema.safeParse(workspaceInHash(hash))
  if (!parsed.success) return
  const id = parsed.data
  const read = pendingEarlyRead(workspaceDbName(id))
  if (!read) return
  const open = read.then((rows): EarlyOpen | null => {
    if (!rows || pending?.open !== open) return null
    const doc = makeWorkspaceDoc(id)
    // Takes the early rows and applies them inside y-indexeddb's own load, as any open does.
    return { id, doc, persistence: openWorkspacePersistence(doc, id) }
  })
  pending = { id, open }
  setTimeout(() => {
    if (pending?.open !== open) return
    pending = null
    void open.then((early) => early && close(early))
  }, discardAfterMs)
}

/** The early open of workspace `id`, if one was started; each is handed out once. */
export const takeEarlyOpen = (id: WorkspaceId): Promise<EarlyOpen | null> | null => {
  const taken = pending
  if (taken?.id !== id) return null
  pending = null
  return taken.open
}
