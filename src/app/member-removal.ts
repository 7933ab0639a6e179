import type * as Y from 'yjs'
import { addTrustEntries } from '../crdt/trust/trust-root'
import { makeWorkspaceSecret, type WorkspaceId } from '../domain/ids'
import { MAX_PARENTS, type EntryId } from '../domain/trust/membership-entry'
import type { MembershipState } from '../domain/trust/membership-state'
import { remainingDevices, type Removal } from '../domain/trust/removal'
import { encodeEntry, type EntrySigner } from '../sync/trust/membership-codec'
import { wrapSecretFor } from '../sync/trust/rekey'

/**
 * Removing a member or one device (docs/trust.md, "Removing a member or a lost device"): a
 * signed `remove` entry and, citing it, a `rekey` entry carrying a new workspace secret wrapped
 * for each remaining device. Both are written in one transaction, so they travel together
 * through the old rooms (peers and relay) and no device holds the removal without the new key.
 */
export interface RemovalWrite {
  doc: Y.Doc
  workspaceId: WorkspaceId
  signer: EntrySigner
  /** The log as this device holds it: its heads and their state. */
  current: { heads: EntryId[]; state: MembershipState }
}

const rekeyEntry = async (write: RemovalWrite, parents: readonly EntryId[], removal: Removal | null) => {
  const staying = remainingDevices(write.current.state, removal)
  const wrapped = await wrapSecretFor(write.workspaceId, makeWorkspaceSecret(), staying)
  return encodeEntry(write.workspaceId, write.signer, parents, { kind: 'rekey', wrapped })
}

export const writeRemoval = async (write: RemovalWrite, removal: Removal): Promise<void> => {
  const removed = await encodeEntry(write.workspaceId, write.signer, write.current.heads.slice(0, MAX_PARENTS), {
    kind: 'remove',
    memberId: removal.memberId,
    ...(removal.device ? { device: removal.device } : {})
  })
  const rekeyed = await rekeyEntry(write, [removed.entry.id], removal)
  addTrustEntries(write.doc, [
    { id: removed.entry.id, bytes: removed.bytes },
    { id: rekeyed.entry.id, bytes: rekeyed.bytes }
  ])
}

/**
 * A re-key on its own, for a workspace left due for one (two removals written at once, each
 * with a re-key that still reaches the other's removed device, or a removal whose re-key was
 * never written): the devices of the state as it stands now.
 */
export const writeRekey = async (write: RemovalWrite): Promise<void> => {
  const rekeyed = await rekeyEntry(write, write.current.heads.slice(0, MAX_PARENTS), null)
  addTrustEntries(write.doc, [{ id: rekeyed.entry.id, bytes: rekeyed.bytes }])
}
