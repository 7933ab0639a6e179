import { RegistryEntrySchema, type RegistryEntry } from '../domain/registry-entry'
import { StoredProfileSchema, type StoredProfile } from '../domain/stored-profile'
import type { WorkspaceId } from '../domain/ids'
import { openDatabase, requestToPromise, transactionDone } from './idb-request'

/**
 * The device's registry: which workspaces are here (with their secrets) and the local
 * profile. It is one small IndexedDB database beside the per-workspace ones.
 */
export const REGISTRY_DB_NAME = 'mutual-registry'
const REGISTRY_DB_VERSION = 1
const WORKSPACES = 'workspaces'
const SETTINGS = 'settings'
const PROFILE_KEY = 'profile'

export type ProfileRead =
  | { status: 'none' }
  | { status: 'ok'; profile: StoredProfile }
  | { status: 'invalid'; partial: Partial<StoredProfile>; reason: string }

export interface RegistryListing {
  entries: RegistryEntry[]
  /** Records that failed validation; they are kept as they are, never deleted. */
  unreadable: number
}

/** What an open workspace keeps up to date in its registry entry. */
export type SessionFields = Pick<RegistryEntry, 'name' | 'lastOpenedAt' | 'lastEditedAt'>

export interface Registry {
  readonly kind: 'indexeddb' | 'memory'
  list(): Promise<RegistryListing>
  get(id: WorkspaceId): Promise<RegistryEntry | null>
  put(entry: RegistryEntry): Promise<void>
  /**
   * Writes the session's own fields over the stored entry (keeping fields others keep there),
   * or `entry` whole when none is stored, in one transaction begun before this returns: safe
   * from `pagehide`, where a read followed by a write loses the write with the page.
   */
  putSessionFields(entry: RegistryEntry, fields: SessionFields): Promise<void>
  /**
   * Writes `fields` over the stored entry in one read-modify-write transaction, so writers
   * keeping different fields (the relay cursor, a peer's acknowledgement, a backup time,
   * settings) at the same moment never replace each other's with what they read earlier.
   * Resolves with the entry as stored, or null (and nothing written) when there is none.
   */
  update(id: WorkspaceId, fields: Partial<Omit<RegistryEntry, 'id'>>): Promise<RegistryEntry | null>
  remove(id: WorkspaceId): Promise<void>
  readProfile(): Promise<ProfileRead>
  writeProfile(profile: StoredProfile): Promise<void>
  close(): void
}

const sortByLastEdited = (entries: RegistryEntry[]): RegistryEntry[] =>
  entries.sort((a, b) => b.lastEditedAt - a.lastEditedAt)

const PROFILE_FIELD_WORDS: Record<keyof StoredProfile, string> = {
  name: 'your name',
  organisation: 'your council or organisation',
  colour: 'your colour',
  id: 'your member number'
}

/** Validates whatever was stored as a profile; an invalid one keeps the fields that parse. */
export const parseStoredProfile = (raw: unknown): ProfileRead => {
  if (raw === undefined || raw === null) return { status: 'none' }
  const parsed = StoredProfileSchema.safeParse(raw)
  if (parsed.success) return { status: 'ok', profile: parsed.data }
  const partial: Partial<StoredProfile> = {}
  const unreadable: string[] = []
  const record = typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}
  for (const key of ['name', 'organisation', 'colour', 'id'] as const) {
    const field = StoredProfileSchema.shape[key].safeParse(record[key])
    if (field.success) Object.assign(partial, { [key]: field.data })
    else unreadable.push(PROFILE_FIELD_WORDS[key])
  }
  // Said in the person's words: which of their details need entering again.
  return { status: 'invalid', partial, reason: `Could not read ${listInWords(unreadable)}.` }
}

const listInWords = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? 'it') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`

export const openIndexedDbRegistry = async (): Promise<Registry> => {
  const db = await openDatabase({
    name: REGISTRY_DB_NAME,
    version: REGISTRY_DB_VERSION,
    upgrade: (database) => {
      if (!database.objectStoreNames.contains(WORKSPACES)) {
        database.createObjectStore(WORKSPACES, { keyPath: 'id' })
      }
      if (!database.objectStoreNames.contains(SETTINGS)) database.createObjectStore(SETTINGS)
    }
  })
  const write = async (store: string, action: (s: IDBObjectStore) => void): Promise<void> => {
    const tx = db.transaction(store, 'readwrite')
    action(tx.objectStore(store))
    await transactionDone(tx)
  }
  const read = <T>(store: string, action: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
    requestToPromise(action(db.transaction(store, 'readonly').objectStore(store)))

  return {
    kind: 'indexeddb',
    async list() {
      const rows: unknown[] = await read(WORKSPACES, (s) => s.getAll())
      const entries: RegistryEntry[] = []
      for (const row of rows) {
        const parsed = RegistryEntrySchema.safeParse(row)
        if (parsed.success) entries.push(parsed.data)
      }
      return { entries: sortByLastEdited(entries), unreadable: rows.length - entries.length }
    },
    async get(id) {
      const parsed = RegistryEntrySchema.safeParse(await read(WORKSPACES, (s) => s.get(id)))
      return parsed.success ? parsed.data : null
    },
    put: (entry) => write(WORKSPACES, (s) => s.put(RegistryEntrySchema.parse(entry))),
    putSessionFields: (entry, fields) =>
      write(WORKSPACES, (s) => {
        const request = s.get(entry.id)
        // Still inside the same transaction: the write is queued before anything can end it.
        request.onsuccess = () => {
          const stored = RegistryEntrySchema.safeParse(request.result)
          s.put(RegistryEntrySchema.parse({ ...(stored.success ? stored.data : entry), ...fields }))
        }
      }),
    async update(id, fields) {
      let updated: RegistryEntry | null = null
      await write(WORKSPACES, (s) => {
        const request = s.get(id)
        request.onsuccess = () => {
          const stored = RegistryEntrySchema.safeParse(request.result)
          // An entry that does not validate is kept as it is (list() counts it), never rewritten.
          if (!stored.success) return
          updated = RegistryEntrySchema.parse({ ...stored.data, ...fields, id })
          s.put(updated)
        }
      })
      return updated
    },
    remove: (id) => write(WORKSPACES, (s) => s.delete(id)),
    async readProfile() {
      return parseStoredProfile(await read(SETTINGS, (s) => s.get(PROFILE_KEY)))
    },
    writeProfile: (profile) =>
      write(SETTINGS, (s) => s.put(StoredProfileSchema.parse(profile), PROFILE_KEY)),
    close: () => db.close()
  }
}

/** Used when the browser offers no IndexedDB (some private modes): nothing outlives the tab. */
export const makeMemoryRegistry = (): Registry => {
  const workspaces = new Map<string, RegistryEntry>()
  let profile: StoredProfile | null = null
  return {
    kind: 'memory',
    list: async () => ({ entries: sortByLastEdited([...workspaces.values()]), unreadable: 0 }),
    get: async (id) => workspaces.get(id) ?? null,
    put: async (entry) => {
      workspaces.set(entry.id, RegistryEntrySchema.parse(entry))
    },
    putSessionFields: async (entry, fields) => {
      workspaces.set(entry.id, RegistryEntrySchema.parse({ ...(workspaces.get(entry.id) ?? entry), ...fields }))
    },
    update: async (id, fields) => {
      const stored = workspaces.get(id)
      if (!stored) return null
      const updated = RegistryEntrySchema.parse({ ...stored, ...fields, id })
      workspaces.set(id, updated)
      return updated
    },
    remove: async (id) => {
      workspaces.delete(id)
    },
    readProfile: async () => (profile ? { status: 'ok', profile } : { status: 'none' }),
    writeProfile: async (p) => {
      profile = StoredProfileSchema.parse(p)
    },
    close: () => {}
  }
}
