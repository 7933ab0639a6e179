/**
 * A backup opened as a separate workspace: the answer to "merging the backup back in after a
 * wipe leaves 0 artifacts". The copy has its own id and key, holds everything the backup held,
 * and shares nothing with the wiped workspace.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createArtifact, readArtifactSummaries } from '../../../src/crdt/artifacts'
import { readVersions, createVersion, versionsMap } from '../../../src/crdt/versions'
import { artifactsMap } from '../../../src/crdt/workspace-doc'
import { readWorkspaceMeta } from '../../../src/crdt/workspace-meta'
import { makeWorkspaceSecret, type WorkspaceId } from '../../../src/domain/ids'
import type { RegistryEntry } from '../../../src/domain/registry-entry'
import { makeBackup, readBackup } from '../../../src/storage/backup'
import { fileHasMembers, openBackupAsSeparateWorkspace } from '../../../src/storage/open-as-copy'
import { addTrustEntry } from '../../../src/crdt/trust/trust-root'
import { importWorkspaceFile } from '../../../src/storage/workspace-library'
import { openWorkspaceSession } from '../../../src/storage/workspace-session'
import { useFreshRegistry } from '../fixtures/indexeddb'
import { asha, newWorkspace } from '../fixtures/workspace'

const titles = (doc: Y.Doc) => readArtifactSummaries(doc).filter((a) => a.deletedAt === null).map((a) => a.title).sort()

describe('opening a backup as a separate workspace', () => {
  const fresh = useFreshRegistry()

  it('after a wipe, merging the backup gives 0 items back, opening it separately gives all of them', async () => {
    const registry = fresh.registry
    const doc = newWorkspace()
    for (const title of ['Site visit', 'Interview notes', 'Interim report']) createArtifact(doc, { kind: 'note', title }, asha, 2)
    createVersion(doc, { name: 'Before review', kind: 'named' }, asha, 3)
    const entry: RegistryEntry = { id: doc.guid as WorkspaceId, secret: makeWorkspaceSecret(), name: 'Lab', createdAt: 1, lastOpenedAt: 1, lastEditedAt: 1 }
    const backup = await readBackup(await makeBackup(entry, doc, null, Date.UTC(2026, 11, 1)), null)
    if (!backup.ok) throw new Error(backup.message)

    // The wipe reaches this device's copy, then the backup is merged back in: still nothing.
    doc.transact(() => {
      for (const id of [...artifactsMap(doc).keys()]) artifactsMap(doc).delete(id)
      for (const id of [...versionsMap(doc).keys()]) versionsMap(doc).delete(id)
    })
    await importWorkspaceFile(registry, { header: backup.header, update: Y.encodeStateAsUpdate(doc) }, asha)
    await importWorkspaceFile(registry, backup, asha)
    const merged = await openWorkspaceSession(registry, entry)
    expect(titles(merged.doc)).toEqual([])
    await merged.destroy()

    const copy = await openBackupAsSeparateWorkspace(registry, backup)
    expect(copy.id).not.toBe(entry.id)
    expect(copy.secret).not.toBe(entry.secret)
    expect(copy.name).toBe('Community wealth lab (backup of 1 Dec 2026)')
    expect((await registry.list()).entries.map((e) => e.id).sort()).toEqual([entry.id, copy.id].sort())
    const opened = await openWorkspaceSession(registry, copy)
    expect(titles(opened.doc)).toEqual(['Interim report', 'Interview notes', 'Site visit'])
    expect(readVersions(opened.doc).map((v) => v.name)).toContain('Before review')
    expect(readWorkspaceMeta(opened.doc).name).toBe(copy.name)
    await opened.destroy()
    // This device founds the copy under its own anchor when it first opens it (app/workspace-trust.ts).
    expect(copy.trustPending).toEqual({ kind: 'found' })
  })

  it('tells a file whose workspace has a membership log from one made before membership', () => {
    const doc = newWorkspace()
    createArtifact(doc, { kind: 'note', title: 'Site visit' }, asha, 2)
    expect(fileHasMembers({ update: Y.encodeStateAsUpdate(doc) })).toBe(false)
    addTrustEntry(doc, 'entry-1', new Uint8Array([1, 2, 3]))
    expect(fileHasMembers({ update: Y.encodeStateAsUpdate(doc) })).toBe(true)
    expect(fileHasMembers({ update: new Uint8Array([0xff, 0x00, 0x13]) })).toBe(false)
  })
})
