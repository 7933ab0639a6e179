import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { initialiseWorkspace, readWorkspaceMeta, updateWorkspaceDetails } from '../../../src/crdt/workspace-meta'
import { markReadOnly } from '../../../src/crdt/read-only'
import { readVersions } from '../../../src/crdt/versions'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import { exportChanges, importChanges, type ChangesSource } from '../../../src/sync/changes-exchange'
import { encodeChangesFile } from '../../../src/sync/changes-file'
import type { CheckedUpdate } from '../../../src/sync/untrusted-update'

const actor = { name: 'Asha Patel', organisation: 'Oldham Council' }
const details = { name: 'Food lab', description: '', leadCouncil: 'Oldham Council', partnerCouncils: [], startDate: '' }

/** The worker's work, in this thread: Node has no Web Worker (the browser path is in e2e). */
const checkHere = async (update: Uint8Array): Promise<CheckedUpdate> => {
  try {
    const scratch = new Y.Doc({ gc: false })
    Y.applyUpdate(scratch, update)
    return { ok: true, update: Y.encodeStateAsUpdate(scratch) }
  } catch {
    return { ok: false, problem: 'unreadable' }
  }
}

const source = (bytes: Uint8Array): ChangesSource => ({ size: bytes.length, read: async () => bytes })

const twoCopies = () => {
  const id = makeWorkspaceId()
  const keys = { id, secret: makeWorkspaceSecret() }
  const a = makeWorkspaceDoc(id)
  initialiseWorkspace(a, details, actor, 1)
  const b = makeWorkspaceDoc(id)
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  return { keys, a, b }
}

const snapshotOf = (doc: Y.Doc): Uint8Array => Y.encodeSnapshot(Y.snapshot(doc))

describe('importing a changes file', () => {
  it('merges what the other device changed, after saving a version, and says when nothing is new', async () => {
    const { keys, a, b } = twoCopies()
    updateWorkspaceDetails(a, { description: 'Written on the train' })
    updateWorkspaceDetails(b, { leadCouncil: 'Kirklees Council' })
    const file = await exportChanges(a, keys)
    expect(await importChanges(b, keys, source(file), actor, { check: checkHere })).toEqual({ status: 'merged' })
    expect(readWorkspaceMeta(b)).toMatchObject({ description: 'Written on the train', leadCouncil: 'Kirklees Council' })
    expect(readVersions(b).map((v) => v.kind)).toEqual(['before-import'])
    // The same file again: nothing new, and no second version.
    expect(await importChanges(b, keys, source(file), actor, { check: checkHere })).toEqual({ status: 'nothing-new' })
    expect(readVersions(b)).toHaveLength(1)
  })

  it('counts a deletion made on the other device as new', async () => {
    const { keys, a, b } = twoCopies()
    updateWorkspaceDetails(a, { partnerCouncils: ['Leeds City Council'] })
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    updateWorkspaceDetails(a, { partnerCouncils: [] })
    const result = await importChanges(b, keys, source(await exportChanges(a, keys)), null, { check: checkHere })
    expect(result).toEqual({ status: 'merged' })
    expect(readWorkspaceMeta(b).partnerCouncils).toEqual([])
  })

  it('leaves the workspace exactly as it was for a wrong, damaged, oversized or unreadable file, or a read-only copy', async () => {
    const { keys, a, b } = twoCopies()
    updateWorkspaceDetails(a, { description: 'Not to be merged' })
    const before = snapshotOf(b)
    const other = { id: makeWorkspaceId(), secret: makeWorkspaceSecret() }
    const good = await exportChanges(a, keys)
    const damaged = good.slice()
    damaged[damaged.length - 5] = (damaged[damaged.length - 5] as number) ^ 0xff
    const cases: [string, ChangesSource, (u: Uint8Array) => Promise<CheckedUpdate>][] = [
      ['other workspace', source(await exportChanges(a, other)), checkHere],
      ['damaged', source(damaged), checkHere],
      ['oversized', { size: 65 * 1024 * 1024, read: async () => Promise.reject(new Error('must not be read')) }, checkHere],
      ['not an update', source(await encodeChangesFile(new Uint8Array([1, 2, 3]), keys.id, keys.secret)), checkHere],
      ['too slow', source(good), async () => ({ ok: false, problem: 'too-slow' })]
    ]
    for (const [name, file, check] of cases) {
      const result = await importChanges(b, keys, file, actor, { check })
      expect(result.status, name).toBe('refused')
      expect(Buffer.from(snapshotOf(b)).equals(Buffer.from(before)), name).toBe(true)
    }
    markReadOnly(b, 'Opened read-only for this test')
    const readOnly = await importChanges(b, keys, source(good), actor, { check: checkHere })
    expect(readOnly).toMatchObject({ status: 'refused' })
    expect(Buffer.from(snapshotOf(b)).equals(Buffer.from(before))).toBe(true)
  })

  it('says a good file could not be checked, not that it is damaged, when the checker itself did not load', async () => {
    const { keys, a, b } = twoCopies()
    updateWorkspaceDetails(a, { description: 'Checked later' })
    const before = snapshotOf(b)
    const good = source(await exportChanges(a, keys))
    const result = await importChanges(b, keys, good, actor, { check: async () => ({ ok: false, problem: 'could-not-check' }) })
    expect(result).toEqual({
      status: 'refused',
      message:
        'This device could not check the file: part of the app has not been saved for use offline yet. Reload the page while online and try again. Nothing was changed.'
    })
    expect(Buffer.from(snapshotOf(b)).equals(Buffer.from(before))).toBe(true)
    // The same file, once the checker loads, merges.
    expect(await importChanges(b, keys, good, actor, { check: checkHere })).toEqual({ status: 'merged' })
  })
})
