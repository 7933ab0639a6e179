import type { RegistryEntry } from '../domain/registry-entry'
import { docHoldsUpdate } from '../crdt/holds-update'
import type { UpdateFacts } from '../crdt/update-facts'
import { makeWorkspaceDoc } from '../crdt/workspace-doc'
import type { Registry } from './registry'
import { openWorkspacePersistence } from './workspace-persistence'

/**
 * Whether the copy of a workspace on this device already holds everything in a file of it
 * (a backup imported again after it was restored here): merging it would change nothing, and
 * would only save a version nobody needs. Reads the copy from storage without opening it as a
 * session (its "last opened" is not touched); a copy that cannot be read counts as lacking it,
 * so the import goes on to the merge, which says what is wrong.
 */
export const workspaceHoldsFile = async (
  registry: Registry,
  entry: RegistryEntry,
  file: { update: Uint8Array; facts?: UpdateFacts }
): Promise<boolean> => {
  const doc = makeWorkspaceDoc(entry.id)
  const persistence = openWorkspacePersistence(doc, entry.id)
  try {
    const { status } = await persistence.settled
    // With no IndexedDB at all the copy is in this tab's memory, which opening reads all the same.
    const readable = status === 'ready' || (status === 'unavailable' && registry.kind !== 'indexeddb')
    return readable && docHoldsUpdate(doc, file)
  } finally {
    await persistence.destroy()
    doc.destroy()
  }
}
