/**
 * A backup imported again onto the device it is already on (restored here already): the copy
 * here holds everything in it, so the import says so instead of offering a merge that would
 * add nothing. Told from the checker's facts (crdt/update-facts.ts) as the app does, and from
 * the update itself where there is no worker; a file with anything the copy lacks, a deletion
 * alone included, is not held.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { artifactBody, createArtifact } from '../../../src/crdt/artifacts'
import { applyToScratch } from '../../../src/crdt/update-facts'
import { readWorkspaceMeta } from '../../../src/crdt/workspace-meta'
import { workspaceHoldsFile } from '../../../src/storage/file-already-here'
import { importWorkspaceFile } from '../../../src/storage/workspace-library'
import { makeMemoryRegistry, type Registry } from '../../../src/storage/registry'
import { makeWorkspaceSecret, type WorkspaceId } from '../../../src/domain/ids'
import type { RegistryEntry } from '../../../src/domain/registry-entry'
import { useFreshRegistry } from '../fixtures/indexeddb'
import { asha, newWorkspace } from '../fixtures/workspace'

const header = (doc: Y.Doc) => ({ format: 1 as const, workspaceId: doc.guid as WorkspaceId, secret: makeWorkspaceSecret(), name: readWorkspaceMeta(doc).name, exportedAt: 5000 })

/** The file as the app reads it (with the worker's facts) and as Node does (the update alone). */
const readings = (doc: Y.Doc) => {
  const update = Y.encodeStateAsUpdate(doc)
  return { 'with the checker’s facts': { update, facts: applyToScratch(update).facts }, 'from the update itself': { update } }
}

const expectHeld = async (registry: Registry, entry: RegistryEntry, doc: Y.Doc, held: boolean): Promise<void> => {
  for (const [how, file] of Object.entries(readings(doc))) expect(await workspaceHoldsFile(registry, entry, file), how).toBe(held)
}

/** A workspace with a note whose body has text, stored on this device from its file. */
const storedLab = async (registry: Registry) => {
  const doc = newWorkspace()
  const note = createArtifact(doc, { kind: 'note', title: 'Site visit' }, asha, 2000)
  const text = new Y.XmlText('Residents asked for evening sessions.')
  doc.transact(() => artifactBody(doc, note)?.insert(0, [text]))
  const { entry } = await importWorkspaceFile(registry, { header: header(doc), update: Y.encodeStateAsUpdate(doc) }, null)
  return { doc, text, entry }
}

describe('whether a workspace file is already on this device', () => {
  const fresh = useFreshRegistry()

  it('is held by the copy it was restored into, and by that copy after later work there', async () => {
    const { doc, entry } = await storedLab(fresh.registry)
    await expectHeld(fresh.registry, entry, doc, true)
    // Work done since, merged into the copy here: it holds more than the file, and all of it.
    const backup = Y.encodeStateAsUpdate(doc)
    createArtifact(doc, { kind: 'note', title: 'Later' }, asha, 3000)
    await importWorkspaceFile(fresh.registry, { header: header(doc), update: Y.encodeStateAsUpdate(doc) }, null)
    for (const file of [{ update: backup }, { update: backup, facts: applyToScratch(backup).facts }]) {
      expect(await workspaceHoldsFile(fresh.registry, entry, file)).toBe(true)
    }
  })

  it('is not held when the file has a change the copy lacks, a deletion alone included', async () => {
    const { doc, entry } = await storedLab(fresh.registry)
    createArtifact(doc, { kind: 'note', title: 'Written after the copy was stored' }, asha, 3000)
    await expectHeld(fresh.registry, entry, doc, false)

    const second = await storedLab(fresh.registry)
    const before = Y.encodeStateVector(second.doc)
    second.doc.transact(() => second.text.delete(0, 10))
    // A deletion adds no structs: only the file's deletions tell it apart.
    expect(Y.encodeStateVector(second.doc)).toEqual(before)
    await expectHeld(fresh.registry, second.entry, second.doc, false)

    // A file of changes only, whose structs build on what a scratch document lacks: the checker
    // cannot place them, and they still count.
    const third = await storedLab(fresh.registry)
    const stored = Y.encodeStateVector(third.doc)
    createArtifact(third.doc, { kind: 'note', title: 'Only in the file' }, asha, 3000)
    const changesOnly = Y.encodeStateAsUpdate(third.doc, stored)
    expect(applyToScratch(changesOnly).facts.stateVector).toEqual(Y.encodeStateVector(new Y.Doc()))
    for (const file of [{ update: changesOnly }, { update: changesOnly, facts: applyToScratch(changesOnly).facts }]) {
      expect(await workspaceHoldsFile(fresh.registry, third.entry, file)).toBe(false)
    }
  })

  it('reads the copy in memory where the browser has no IndexedDB', async () => {
    const registry = makeMemoryRegistry()
    const { doc, entry } = await storedLab(registry)
    await expectHeld(registry, entry, doc, true)
    createArtifact(doc, { kind: 'note', title: 'Not here' }, asha, 3000)
    await expectHeld(registry, entry, doc, false)
  })
})
