import { createSignal } from 'solid-js'
import { makeArtifactId } from '../domain/ids'
import type { Profile } from '../domain/profile'
import type { StoredProfile } from '../domain/stored-profile'
import { makeIndexedDbDraftStore, makeMemoryDraftStore } from '../storage/brainstorm-draft-store'
import { indexedDbAvailable } from '../storage/idb-request'
import { makeMemoryRegistry, openIndexedDbRegistry, type ProfileRead, type Registry } from '../storage/registry'
import { requestPersistentStorage } from '../storage/storage-estimate'
import { describeStorageError, unavailableProblem, type StorageProblem } from '../storage/storage-problem'
import type { WorkspaceSession } from '../storage/workspace-session'
import type { AppServices } from '../ui/app-context'

/** Opens the device registry; a browser with no usable IndexedDB gets a memory one and a warning. */
const openRegistry = async (): Promise<{ registry: Registry; problem: StorageProblem | null }> => {
  if (!indexedDbAvailable()) {
    return { registry: makeMemoryRegistry(), problem: unavailableProblem('indexedDB is not defined') }
  }
  try {
    return { registry: await openIndexedDbRegistry(), problem: null }
  } catch (error) {
    const problem = describeStorageError(error)
    return {
      registry: makeMemoryRegistry(),
      problem: problem.kind === 'unknown' ? unavailableProblem(problem.detail) : problem
    }
  }
}

/** Wires the app's services: registry, profile and the sessions a closing tab must flush. */
export const createAppServices = async (): Promise<AppServices & { flushAll: () => void }> => {
  const { registry, problem } = await openRegistry()
  const [profile, setProfile] = createSignal<ProfileRead>(
    await registry.readProfile().catch((error: unknown) => ({
      status: 'invalid' as const,
      partial: {},
      reason: describeStorageError(error).detail
    }))
  )
  const [storageFactsVersion, setStorageFactsVersion] = createSignal(0)
  const sessions = new Set<WorkspaceSession>()

  return {
    registry,
    registryProblem: problem,
    profile,
    async saveProfile(next: Profile) {
      const current = profile()
      // The member id is kept across edits so that the person stays one member everywhere.
      const id = current.status === 'ok' ? current.profile.id : current.status === 'invalid' && current.partial.id ? current.partial.id : makeArtifactId()
      const stored: StoredProfile = { ...next, id }
      await registry.writeProfile(stored)
      setProfile({ status: 'ok', profile: stored })
      return stored
    },
    trackSession(session) {
      sessions.add(session)
      return () => sessions.delete(session)
    },
    async requestPersistence() {
      const granted = await requestPersistentStorage()
      setStorageFactsVersion((v) => v + 1)
      return granted
    },
    storageFactsVersion,
    // Where workspaces live in memory only, so do brainstorm notes.
    brainstormDrafts: problem ? makeMemoryDraftStore() : makeIndexedDbDraftStore(),
    flushAll() {
      for (const session of sessions) session.flush()
    }
  }
}
