import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId, makeWorkspaceSecret, type WorkspaceId } from '../../../src/domain/ids'
import { makeWorkspaceDoc, metaMap } from '../../../src/crdt/workspace-doc'
import { META } from '../../../src/crdt/keys'
import { readWorkspaceMeta, updateWorkspaceDetails } from '../../../src/crdt/workspace-meta'
import { createArtifact, readArtifactSummaries } from '../../../src/crdt/artifacts'
import { checkSchemaCompatibility, CURRENT_SCHEMA_VERSION } from '../../../src/crdt/schema-version'
import { decodeWorkspaceFile, encodeWorkspaceFile } from '../../../src/storage/workspace-file'
import { createWorkspace, importWorkspaceFile } from '../../../src/storage/workspace-library'
import { openWorkspaceSession } from '../../../src/storage/workspace-session'
import { useFreshRegistry } from '../fixtures/indexeddb'
import { asha, ben, copyOf, exchange, labDetails, newWorkspace } from '../fixtures/workspace'

/**
 * The review's scripted attacks on the schema version (issue #9): each must leave every
 * member's device able to read and write the workspace.
 */

/** What a hostile peer sends: one change that sets the schema version and nothing else. */
const schemaLockFrom = (victim: Y.Doc): Uint8Array => {
  const attacker = copyOf(victim)
  const before = Y.encodeStateVector(attacker)
  attacker.transact(() => metaMap(attacker).set(META.schemaVersion, 999))
  return Y.encodeStateAsUpdate(attacker, before)
}

/**
 * A workspace file made by someone who knows only the workspace id (it is in every address).
 * Its writer takes the highest Yjs client id, so its value wins every concurrent write to a key.
 */
const outsidersFile = (id: WorkspaceId, extra: (doc: Y.Doc) => void = () => {}) => {
  const doc = makeWorkspaceDoc(id)
  doc.clientID = 0xffffffff
  doc.transact(() => {
    metaMap(doc).set(META.name, 'Resilience lab')
    metaMap(doc).set(META.schemaVersion, 999)
    extra(doc)
  })
  const decoded = decodeWorkspaceFile(
    encodeWorkspaceFile({ format: 1, workspaceId: id, secret: makeWorkspaceSecret(), name: 'Resilience lab', exportedAt: 5000 }, doc)
  )
  if (!decoded.ok) throw new Error(decoded.message)
  return decoded
}

const canWrite = (doc: Y.Doc, title: string): boolean => {
  createArtifact(doc, { kind: 'note', title }, asha, 3000)
  return readArtifactSummaries(doc).some((a) => a.title === title)
}

describe('the schema-version lock from a peer', () => {
  it('is inert: every device that receives it still reads and writes the workspace', () => {
    const a = newWorkspace()
    const b = copyOf(a)
    const lock = schemaLockFrom(a)
    Y.applyUpdate(a, lock, 'peer')
    Y.applyUpdate(b, lock, 'peer')
    for (const device of [a, b]) {
      expect(checkSchemaCompatibility(device).status).toBe('current')
      expect(() => updateWorkspaceDetails(device, { name: 'Still ours' })).not.toThrow()
    }
    expect(canWrite(a, 'Written after the attack')).toBe(true)
    exchange(a, b)
    expect(readArtifactSummaries(b).map((x) => x.title)).toContain('Written after the attack')
  })
})

describe('the outsider’s workspace file, merged by a member', () => {
  const fresh = useFreshRegistry()

  it('is inert: the workspace stays writable on this device and on the next one it syncs with', async () => {
    const entry = await createWorkspace(fresh.registry, labDetails, asha, 1000)
    await importWorkspaceFile(fresh.registry, outsidersFile(entry.id), ben, 4000)
    const session = await openWorkspaceSession(fresh.registry, entry)
    expect(session.compatibility().status).toBe('current')
    expect(canWrite(session.doc, 'Written after the merge')).toBe(true)
    const colleague = copyOf(session.doc)
    expect(checkSchemaCompatibility(colleague).status).toBe('current')
    expect(() => updateWorkspaceDetails(colleague, { name: 'Still ours' })).not.toThrow()
    await session.destroy()
  })
})

describe('data a device truly cannot read', () => {
  /** The format after this build's own. */
  const NEXT = CURRENT_SCHEMA_VERSION + 1
  /** What a later Mutual writes when it changes the format in a way this build cannot read. */
  const newerFormat = (doc: Y.Doc): Uint8Array => {
    const newer = copyOf(doc)
    const before = Y.encodeStateVector(newer)
    newer.transact(() => {
      newer.getMap('formats').set(`v${NEXT}`, 'artifact bodies are stored another way')
      metaMap(newer).set(META.schemaVersion, NEXT)
    })
    return Y.encodeStateAsUpdate(newer, before)
  }

  it('opens read-only on that device alone, which says why and writes nothing others would receive', () => {
    const older = newWorkspace()
    const update = newerFormat(older)
    Y.applyUpdate(older, update, 'peer')
    const compatibility = checkSchemaCompatibility(older)
    expect(compatibility).toEqual({ status: 'newer', version: NEXT })
    const before = Y.encodeStateVector(older)
    expect(() => updateWorkspaceDetails(older, { name: 'Changed' })).toThrow(/newer version of Mutual.*this device/)
    expect(Y.encodeStateVector(older)).toEqual(before)
    expect(readWorkspaceMeta(older).name).toBe(labDetails.name)
  })

  it('stays writable on a device whose data does not need it any more', () => {
    const older = newWorkspace()
    Y.applyUpdate(older, newerFormat(older), 'peer')
    const newer = copyOf(older)
    // The later version's data is taken out again (a restore, say): nothing here needs it.
    newer.transact(() => newer.getMap('formats').delete(`v${NEXT}`))
    exchange(newer, older)
    expect(checkSchemaCompatibility(older).status).toBe('current')
    expect(canWrite(older, 'Writable again')).toBe(true)
  })
})

describe('a file holding data this device cannot read', () => {
  const fresh = useFreshRegistry()

  it('is refused before it is merged, with a clear message, leaving the workspace as it was', async () => {
    const entry = await createWorkspace(fresh.registry, labDetails, asha, 1000)
    const file = outsidersFile(entry.id, (doc) => doc.getMap('formats').set('v999', 'unreadable'))
    const opened = await openWorkspaceSession(fresh.registry, entry)
    const before = Y.encodeStateVector(opened.doc)
    await opened.destroy()
    await expect(importWorkspaceFile(fresh.registry, file, ben, 4000)).rejects.toThrow(/newer version of Mutual/)
    const session = await openWorkspaceSession(fresh.registry, entry)
    expect(Y.encodeStateVector(session.doc)).toEqual(before)
    expect(session.compatibility().status).toBe('current')
    await session.destroy()
  })
})

void makeWorkspaceId
