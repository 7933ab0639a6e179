import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { sameBytes } from '../../../src/domain/same-bytes'
import { makeWorkspaceId, type WorkspaceId } from '../../../src/domain/ids'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { openWorkspacePersistence } from '../../../src/storage/workspace-persistence'
import { SLICE_BYTES, slicesOf } from '../../../src/storage/sliced-apply'
import { workspaceDbName } from '../../../src/storage/workspace-db-name'
import { addRawRow, readRawRows } from '../fixtures/indexeddb'
import { openDatabase, requestToPromise } from '../../../src/storage/idb-request'

/** A state of about 1.8 MB written over twelve sittings, each building on the last. */
const bigHistory = (): Y.Doc => {
  let doc = new Y.Doc({ gc: false })
  for (let sitting = 0; sitting < 12; sitting++) {
    const next = new Y.Doc({ gc: false })
    Y.applyUpdate(next, Y.encodeStateAsUpdate(doc))
    doc = next
    const body = doc.getText('body')
    body.insert(body.length, `Sitting ${sitting}. `.repeat(10_000))
    body.delete(sitting * 1_000, 500)
  }
  return doc
}

const rowsOf = async (id: WorkspaceId): Promise<Uint8Array[]> => (await readRawRows(workspaceDbName(id))) as Uint8Array[]

const rowKeys = async (id: WorkspaceId): Promise<IDBValidKey[]> => {
  const db = await openDatabase({ name: workspaceDbName(id), upgrade: () => {} })
  try {
    return await requestToPromise(db.transaction('updates', 'readonly').objectStore('updates').getAllKeys())
  } finally {
    db.close()
  }
}

const open = async (id: WorkspaceId) => {
  const doc = makeWorkspaceDoc(id)
  const persistence = openWorkspacePersistence(doc, id)
  const status = await persistence.settled
  return { doc, persistence, status }
}

/** A workspace database holding `state` as one row, as a release before chunks stored it, or a received state. */
const storedWhole = async (state: Uint8Array): Promise<WorkspaceId> => {
  const id = makeWorkspaceId()
  const empty = await open(id)
  await empty.persistence.destroy()
  await addRawRow(workspaceDbName(id), state)
  return id
}

describe('rows a workspace opens a slice at a time', () => {
  it('groups consecutive rows into slices, and leaves a big row a slice of its own', () => {
    const row = (bytes: number): Uint8Array => new Uint8Array(bytes)
    const sizes = (rows: Uint8Array[][]): number[][] => rows.map((slice) => slice.map((r) => r.length))
    expect(sizes(slicesOf([row(40), row(40), row(40), row(200), row(10)], 100))).toEqual([[40, 40], [40], [200], [10]])
    expect(slicesOf([], 100)).toEqual([])
    // Many small rows (a session of keystrokes never compacted) are spread over slices too.
    expect(sizes(slicesOf(Array.from({ length: 7 }, () => row(1)), 100, 3))).toEqual([[1, 1, 1], [1, 1, 1], [1]])
  })

  it('stores a big state stored whole as chunks once opened, which open to exactly the same state', async () => {
    const history = bigHistory()
    const whole = Y.encodeStateAsUpdate(history)
    expect(whole.length).toBeGreaterThan(2 * SLICE_BYTES)
    const id = await storedWhole(whole)

    const first = await open(id)
    expect(first.status.status).toBe('ready')
    // The compaction after opening stores it again as chunks, none of them a long apply.
    await vi.waitFor(async () => expect((await rowsOf(id)).length).toBeGreaterThan(3), { timeout: 20_000 })
    const rows = await rowsOf(id)
    expect(Math.max(...rows.map((row) => row.length))).toBeLessThan(SLICE_BYTES)
    await first.persistence.destroy()

    const second = await open(id)
    expect(second.status.status).toBe('ready')
    expect(sameBytes(Y.encodeStateAsUpdate(second.doc), whole)).toBe(true)
    expect(second.doc.getText('body').toString()).toBe(history.getText('body').toString())
    await second.persistence.destroy()
  })

  it('keeps what changed while the state was being split', async () => {
    const id = await storedWhole(Y.encodeStateAsUpdate(bigHistory()))
    const opened = await open(id)
    // Edits during the compaction's split (it runs in place here, in turns of the event loop).
    const compaction = opened.persistence.compact()
    opened.doc.getText('body').insert(0, 'Written during the split. ')
    opened.doc.getText('body').delete(30, 10)
    await compaction
    const stored = new Y.Doc({ gc: false })
    for (const row of await rowsOf(id)) Y.applyUpdate(stored, row)
    expect(sameBytes(Y.encodeStateAsUpdate(stored), Y.encodeStateAsUpdate(opened.doc))).toBe(true)
    const expected = Y.encodeStateAsUpdate(opened.doc)
    await opened.persistence.destroy()

    const reopened = await open(id)
    expect(sameBytes(Y.encodeStateAsUpdate(reopened.doc), expected)).toBe(true)
    expect(reopened.doc.getText('body').toString().startsWith('Written during the split.')).toBe(true)
    await reopened.persistence.destroy()
  })

  it('folds many changes into one row after the chunks, leaving the chunks as they are', async () => {
    const id = await storedWhole(Y.encodeStateAsUpdate(bigHistory()))
    const opened = await open(id)
    await opened.persistence.compact()
    const chunks = await rowsOf(id)
    // More than y-indexeddb's 500 changes, which it would fold into one row of the whole state.
    for (let i = 0; i < 520; i++) opened.doc.getText('notes').insert(0, `${i} `)
    await vi.waitFor(async () => expect((await rowsOf(id)).length).toBeLessThan(chunks.length + 10), { timeout: 20_000 })
    const rows = await rowsOf(id)
    expect(rows.slice(0, chunks.length).every((row, i) => sameBytes(row, chunks[i] as Uint8Array))).toBe(true)
    expect(Math.max(...rows.map((row) => row.length))).toBeLessThan(SLICE_BYTES)
    const expected = Y.encodeStateAsUpdate(opened.doc)
    await opened.persistence.destroy()

    const reopened = await open(id)
    expect(sameBytes(Y.encodeStateAsUpdate(reopened.doc), expected)).toBe(true)
    await reopened.persistence.destroy()
  })

  it('does not read the chunks it stored again when it next folds (that would apply the whole state once more)', async () => {
    const id = await storedWhole(Y.encodeStateAsUpdate(bigHistory()))
    const opened = await open(id)
    await opened.persistence.compact()
    // Damage the first chunk on disk: a fold that read it again would fail on it and fold nothing.
    const [firstKey] = await rowKeys(id)
    await addRawRow(workspaceDbName(id), new Uint8Array([0xff, 0xff, 0xff, 0x01]), 'updates', firstKey)
    const before = (await rowsOf(id)).length
    for (let i = 0; i < 520; i++) opened.doc.getText('notes').insert(0, `${i} `)
    await vi.waitFor(async () => expect((await rowsOf(id)).length).toBeLessThan(before + 10), { timeout: 20_000 })
    await opened.persistence.destroy()
  })
})
