import { describe, expect, it } from 'vitest'
import { MAX_DRAFTS_PER_BOARD, MAX_DRAFT_TEXT, type BrainstormDraft } from '../../../src/domain/brainstorm-draft'
import { makeArtifactId } from '../../../src/domain/ids'
import {
  BRAINSTORM_DRAFT_DB,
  TooManyDraftsError,
  deleteWorkspaceDrafts,
  makeIndexedDbDraftStore,
  makeMemoryDraftStore,
  type BrainstormDraftStore
} from '../../../src/storage/brainstorm-draft-store'

const workspaceId = makeArtifactId()
const boardId = makeArtifactId()
const brainstormId = makeArtifactId()

const draft = (text: string, createdAt: number, overrides: Partial<BrainstormDraft> = {}): BrainstormDraft => ({
  id: makeArtifactId(),
  workspaceId,
  boardId,
  brainstormId,
  authorId: 'asha',
  text,
  colour: '#fff3a3',
  columnId: 'ideas',
  createdAt,
  ...overrides
})

const contract = (name: string, make: () => BrainstormDraftStore) =>
  describe(`the brainstorm draft store (${name})`, () => {
    it('keeps one person’s drafts for one board, oldest first, and forgets removed ones', async () => {
      const store = make()
      const second = draft('Second thought', 20)
      const first = draft('First thought', 10)
      await store.save(second)
      await store.save(first)
      await store.save(draft('Someone else on this device', 15, { authorId: 'ben' }))
      await store.save(draft('Another board', 15, { boardId: makeArtifactId() }))
      expect((await store.list(workspaceId, boardId, 'asha')).map((d) => d.text)).toEqual(['First thought', 'Second thought'])
      await store.save({ ...first, text: 'First thought, edited' })
      await store.remove([second.id])
      expect((await store.list(workspaceId, boardId, 'asha')).map((d) => d.text)).toEqual(['First thought, edited'])
    })

    it('refuses a draft longer than a note, and one past the limit for a board', async () => {
      const store = make()
      await expect(store.save(draft('x'.repeat(MAX_DRAFT_TEXT + 1), 1))).rejects.toThrow()
      const board = makeArtifactId()
      for (let i = 0; i < MAX_DRAFTS_PER_BOARD; i++) await store.save(draft(`n${i}`, i, { boardId: board }))
      await expect(store.save(draft('one too many', 999, { boardId: board }))).rejects.toBeInstanceOf(TooManyDraftsError)
      expect(await store.list(workspaceId, board, 'asha')).toHaveLength(MAX_DRAFTS_PER_BOARD)
    })
  })

contract('IndexedDB', makeIndexedDbDraftStore)
contract('memory', makeMemoryDraftStore)

describe('the IndexedDB draft store across a reload', () => {
  it('a new store (a reloaded page) reads the drafts saved before, and leaves out a damaged record', async () => {
    const before = draft('Written before the crash', 5, { boardId: makeArtifactId() })
    await makeIndexedDbDraftStore().save(before)
    await new Promise<void>((done, fail) => {
      const open = indexedDB.open(BRAINSTORM_DRAFT_DB)
      open.onerror = () => fail(open.error)
      open.onsuccess = () => {
        const tx = open.result.transaction('drafts', 'readwrite')
        tx.objectStore('drafts').put({ id: 'damaged', workspaceId, boardId: before.boardId, text: 42 })
        tx.oncomplete = () => {
          open.result.close()
          done()
        }
      }
    })
    const after = makeIndexedDbDraftStore()
    expect(await after.list(workspaceId, before.boardId, 'asha')).toEqual([before])
  })
})

describe('deleting a workspace from the device', () => {
  it('deletes its drafts on every board, and no other workspace’s', async () => {
    const store = makeIndexedDbDraftStore()
    const gone = makeArtifactId()
    const boards = [makeArtifactId(), makeArtifactId()]
    for (const board of boards) await store.save(draft('To be deleted', 1, { workspaceId: gone, boardId: board }))
    const kept = draft('Kept', 2, { boardId: makeArtifactId() })
    await store.save(kept)
    await deleteWorkspaceDrafts(gone)
    for (const board of boards) expect(await store.list(gone, board, 'asha')).toEqual([])
    expect(await store.list(workspaceId, kept.boardId, 'asha')).toEqual([kept])
  })
})
