import { createContext, useContext, type JSX } from 'solid-js'
import type { Actor } from '../domain/artifact'
import type { Profile } from '../domain/profile'
import type { StoredProfile } from '../domain/stored-profile'
import type { BrainstormDraftStore } from '../storage/brainstorm-draft-store'
import type { ProfileRead, Registry } from '../storage/registry'
import type { StorageProblem } from '../storage/storage-problem'
import type { WorkspaceSession } from '../storage/workspace-session'

/** What the app wires together once, handed to every screen. */
export interface AppServices {
  registry: Registry
  /** Set when the device's storage could not be opened and the app runs in memory only. */
  registryProblem: StorageProblem | null
  profile: () => ProfileRead
  saveProfile: (profile: Profile) => Promise<StoredProfile>
  /** Open workspaces register here so a closing tab can flush them. */
  trackSession: (session: WorkspaceSession) => () => void
  /**
   * Called once a person has made something worth keeping: asks the browser to keep this
   * device's data, and says whether it agreed ('unknown' when it cannot say).
   */
  requestPersistence: () => Promise<boolean | 'unknown'>
  storageFactsVersion: () => number
  /** This device's silent-brainstorm notes, kept apart from every shared workspace until the reveal. */
  brainstormDrafts: BrainstormDraftStore
}

const AppContext = createContext<AppServices>()

export const AppProvider = (props: { services: AppServices; children: JSX.Element }) => (
  <AppContext.Provider value={props.services}>{props.children}</AppContext.Provider>
)

export const useApp = (): AppServices => {
  const services = useContext(AppContext)
  if (!services) throw new Error('useApp must be used inside <AppProvider>')
  return services
}

/** This person's member id (from their profile), for the workspace's authorship records. */
export const useMemberId = (): (() => string | undefined) => {
  const app = useApp()
  return () => {
    const read = app.profile()
    return read.status === 'ok' ? read.profile.id : undefined
  }
}

/** The person acting, as recorded on what they create; needs a saved profile. */
export const useActor = (): (() => Actor | null) => {
  const app = useApp()
  return () => {
    const read = app.profile()
    return read.status === 'ok' ? { name: read.profile.name, organisation: read.profile.organisation } : null
  }
}
