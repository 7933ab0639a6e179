import { fileCheckProblems } from './file-check-problems'
import type { UpdateFacts } from '../crdt/update-facts'
import { checkWorkspaceUpdateOffThread, workersAvailable, type CheckedWorkspaceUpdate } from './untrusted-update'

/** A file's update, checked: the update to use and what the check learnt of it, or what a person reads. */
export type FileUpdateCheck = (update: Uint8Array) => Promise<{ ok: true; update: Uint8Array; facts: UpdateFacts } | { ok: false; message: string }>

/**
 * The update of a workspace file or backup, checked as a changes file's is: applied to a scratch
 * document in a Web Worker, which the page stops after a time limit that grows with the size
 * (untrusted-update.ts). A file crafted to make Yjs loop ties up only that worker, and what the
 * app then merges is the worker's re-encoding, not the file's bytes. The worker also says what
 * that one apply told (crdt/update-facts.ts), so the page need not decode the file again to
 * know whether it has members or is already here. `unreadable` is what a person reads when
 * the update is damaged.
 */
export const makeFileUpdateCheck =
  (unreadable: string, check: (update: Uint8Array) => Promise<CheckedWorkspaceUpdate> = checkWorkspaceUpdateOffThread): FileUpdateCheck =>
  async (update) => {
    const checked = await check(update)
    return checked.ok ? checked : { ok: false, message: fileCheckProblems(unreadable)[checked.problem] }
  }

/** The app's check, where the platform has Workers; none (the caller checks on its own thread) where not. */
export const fileUpdateCheckOffThread = (unreadable: string): FileUpdateCheck | undefined =>
  workersAvailable() ? makeFileUpdateCheck(unreadable) : undefined
