import type { ArtifactId } from '../domain/ids'
import type { ArtifactDocuments } from '../storage/artifact-documents'
import type { HeldDocument } from '../sync/relay/relay-artifacts'

/**
 * How the relay reaches an artifact's document that nothing has open (sync/relay/relay-artifacts.ts):
 * held through storage (loaded from this device's database, shared with any other holder, kept
 * a short while after, storage/artifact-documents.ts), and let go only once what the relay
 * applied to it is written, so an entry the relay's cursor passes is never lost. Null when the
 * document could not be read here.
 */
export const relayArtifactHolds =
  (documents: ArtifactDocuments) =>
  async (key: ArtifactId): Promise<HeldDocument | null> => {
    const held = documents.hold(key)
    const status = await held.persistence.settled
    if (status.status !== 'ready') {
      held.release()
      return null
    }
    return {
      doc: held.doc,
      release: () => void held.persistence.whenStored().finally(() => held.release())
    }
  }

/** The artifact documents this device stores, for a relay compaction to carry (null: cannot be listed here). */
export const relayStoredArtifacts = (documents: ArtifactDocuments) => (): Promise<ArtifactId[] | null> => documents.stored()
