import { BrainstormDraftSchema, MAX_DRAFTS_PER_BOARD, type BrainstormDraft } from '../domain/brainstorm-draft'
import { openDatabase, requestToPromise, transactionDone } from './idb-request'

/**
 * Where this device keeps its silent-brainstorm notes until the reveal: a database of its
 * own, apart from every workspace's (whose updates are shared), so a reload or a crash keeps
 * them and no sync ever sends them.
 */
export interface BrainstormDraftStore {
  /** One person's drafts for one board on this device, oldest first; damaged records are left out. */
  list(workspaceId: string, boardId: string, authorId: string): Promise<BrainstormDraft[]>
  /** Adds or replaces a draft; refused past MAX_DRAFTS_PER_BOARD for its board. */
  save(draft: BrainstormDraft): Promise<void>
  remove(ids: readonly string[]): Promise<void>
}

export const BRAINSTORM_DRAFT_DB = 'mutual-brainstorm-drafts'
const STORE = 'drafts'
const BY_BOARD = 'by-board'

export class TooManyDraftsError extends Error {
  constructor() {
    super(`This device already keeps ${MAX_DRAFTS_PER_BOARD} private notes for this board. Delete some before adding more.`)
    this.name = 'TooManyDraftsError'
  }
}

const accept = (rows: readonly unknown[], authorId: string): BrainstormDraft[] =>
  rows
    .flatMap((row) => {
      const draft = BrainstormDraftSchema.safeParse(row)
      return draft.success && draft.data.authorId === authorId ? [draft.data] : []
    })
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))

const open = (): Promise<IDBDatabase> =>
  openDatabase({
    name: BRAINSTORM_DRAFT_DB,
    version: 1,
    upgrade: (db) => {
      if (db.objectStoreNames.contains(STORE)) return
      db.createObjectStore(STORE, { keyPath: 'id' }).createIndex(BY_BOARD, ['workspaceId', 'boardId'])
    }
  })

/** The store in this browser's IndexedDB; each call opens and closes the database. */
export const makeIndexedDbDraftStore = (): BrainstormDraftStore => {
  const withDb = async <T>(use: (db: IDBDatabase) => Promise<T>): Promise<T> => {
    const db = await open()
    try {
      return await use(db)
    } finally {
      db.close()
    }
  }
  return {
    list: (workspaceId, boardId, authorId) =>
      withDb(async (db) => {
        const index = db.transaction(STORE, 'readonly').objectStore(STORE).index(BY_BOARD)
        const rows: unknown[] = await requestToPromise(index.getAll(IDBKeyRange.only([workspaceId, boardId]), MAX_DRAFTS_PER_BOARD))
        return accept(rows, authorId)
      }),
    save: (draft) =>
      withDb(async (db) => {
        const checked = BrainstormDraftSchema.parse(draft)
        const tx = db.transaction(STORE, 'readwrite')
        const store = tx.objectStore(STORE)
        const existing = await requestToPromise(store.getKey(checked.id))
        const count = await requestToPromise(store.index(BY_BOARD).count(IDBKeyRange.only([checked.workspaceId, checked.boardId])))
        if (existing === undefined && count >= MAX_DRAFTS_PER_BOARD) {
          tx.abort()
          throw new TooManyDraftsError()
        }
        store.put(checked)
        await transactionDone(tx)
      }),
    remove: (ids) =>
      withDb(async (db) => {
        const tx = db.transaction(STORE, 'readwrite')
        for (const id of ids) tx.objectStore(STORE).delete(id)
        await transactionDone(tx)
      })
  }
}

/** Deletes this device's drafts for every board of a workspace (the workspace is being deleted here). */
export const deleteWorkspaceDrafts = async (workspaceId: string): Promise<void> => {
  const db = await open()
  try {
    const tx = db.transaction(STORE, 'readwrite')
    // Keys are [workspaceId, boardId]: every board id sorts between '' and an array.
    tx.objectStore(STORE).index(BY_BOARD).openCursor(IDBKeyRange.bound([workspaceId, ''], [workspaceId, []])).onsuccess = (event) => {
      const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result
      if (!cursor) return
      cursor.delete()
      cursor.continue()
    }
    await transactionDone(tx)
  } finally {
    db.close()
  }
}

/** For a browser with no usable IndexedDB: drafts last as long as the tab, as everything else there does. */
export const makeMemoryDraftStore = (): BrainstormDraftStore => {
  const drafts = new Map<string, BrainstormDraft>()
  return {
    list: async (workspaceId, boardId, authorId) =>
      accept([...drafts.values()].filter((d) => d.workspaceId === workspaceId && d.boardId === boardId), authorId),
    save: async (draft) => {
      const checked = BrainstormDraftSchema.parse(draft)
      const onBoard = [...drafts.values()].filter((d) => d.workspaceId === checked.workspaceId && d.boardId === checked.boardId)
      if (!drafts.has(checked.id) && onBoard.length >= MAX_DRAFTS_PER_BOARD) throw new TooManyDraftsError()
      drafts.set(checked.id, checked)
    },
    remove: async (ids) => {
      for (const id of ids) drafts.delete(id)
    }
  }
}
