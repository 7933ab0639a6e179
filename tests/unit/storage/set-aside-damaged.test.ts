import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { initialiseWorkspace, readWorkspaceMeta, renameWorkspace } from '../../../src/crdt/workspace-meta'
import { deleteDatabase, openDatabase, requestToPromise, transactionDone } from '../../../src/storage/idb-request'
import { DAMAGED_RECORDS_STORE, setAsideDamagedRecords } from '../../../src/storage/set-aside-damaged'
import { salvageStoredUpdates } from '../../../src/storage/salvage'

const asha = { name: 'Asha Patel', organisation: 'Oldham Council' }
const details = { name: 'Lab', description: '', leadCouncil: 'Oldham Council', partnerCouncils: [], startDate: '' }
const dbName = 'mutual-workspace-test'

/** A database laid out as y-indexeddb lays it out, holding the given rows. */
const makeStore = async (rows: unknown[]): Promise<void> => {
  const db = await openDatabase({
    name: dbName,
    version: 1,
    upgrade: (d) => {
      d.createObjectStore('updates', { autoIncrement: true })
      d.createObjectStore('custom')
    }
  })
  const tx = db.transaction('updates', 'readwrite')
  for (const row of rows) tx.objectStore('updates').add(row)
  await transactionDone(tx)
  db.close()
}

const read = async (store: string) => {
  const db = await openDatabase({ name: dbName, upgrade: () => {} })
  try {
    const s = db.transaction(store, 'readonly').objectStore(store)
    const [keys, values] = await Promise.all([requestToPromise(s.getAllKeys()), requestToPromise(s.getAll())])
    return { version: db.version, keys, values }
  } finally {
    db.close()
  }
}

const labUpdates = (): Uint8Array[] => {
  const doc = makeWorkspaceDoc(makeWorkspaceId())
  initialiseWorkspace(doc, details, asha, 1000)
  const first = Y.encodeStateAsUpdate(doc)
  const sv = Y.encodeStateVector(doc)
  renameWorkspace(doc, 'Renamed later')
  return [first, Y.encodeStateAsUpdate(doc, sv)]
}

describe('setting damaged records aside', () => {
  afterEach(async () => {
    await deleteDatabase(dbName)
  })

  it('writes nothing when no record is damaged', async () => {
    const [first, second] = labUpdates()
    await makeStore([first, second])
    expect(await setAsideDamagedRecords(dbName)).toBe(0)
    const after = await read('updates')
    expect(after.version).toBe(1)
    expect(after.values).toEqual([first, second])
  })

  it('moves only the damaged records, under their own keys, keeping every byte', async () => {
    const [first, second] = labUpdates()
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x01, 0x02])
    const notBytes = { some: 'object' }
    await makeStore([first, garbage, second, notBytes])
    expect(await setAsideDamagedRecords(dbName)).toBe(2)

    const updates = await read('updates')
    expect(updates.keys).toEqual([1, 3])
    expect(updates.values).toEqual([first, second])
    const damaged = await read(DAMAGED_RECORDS_STORE)
    expect(damaged.keys).toEqual([2, 4])
    expect(damaged.values).toEqual([garbage, notBytes])

    // What remains loads whole, and reading still works on the upgraded database.
    const doc = new Y.Doc()
    expect(await salvageStoredUpdates(dbName, doc)).toEqual({ totalRows: 2, unreadableRows: 0 })
    expect(readWorkspaceMeta(doc).name).toBe('Renamed later')
  })

  it('can run again later, reusing the store it made', async () => {
    const [first] = labUpdates()
    await makeStore([first, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x01])])
    expect(await setAsideDamagedRecords(dbName)).toBe(1)
    const db = await openDatabase({ name: dbName, upgrade: () => {} })
    const tx = db.transaction('updates', 'readwrite')
    tx.objectStore('updates').add('damaged again')
    await transactionDone(tx)
    db.close()
    expect(await setAsideDamagedRecords(dbName)).toBe(1)
    expect((await read(DAMAGED_RECORDS_STORE)).values).toHaveLength(2)
    expect((await read(DAMAGED_RECORDS_STORE)).version).toBe(2)
  })
})
