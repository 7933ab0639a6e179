import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { META } from '../../../src/crdt/keys'
import { MIGRATION } from '../../../src/crdt/origins'
import { makeWorkspaceDoc, metaMap } from '../../../src/crdt/workspace-doc'
import {
  CURRENT_SCHEMA_VERSION,
  ReadOnlyWorkspaceError,
  checkSchemaCompatibility,
  readSchemaVersion
} from '../../../src/crdt/schema-version'
import { MIGRATIONS, migrateWorkspace, type Migration } from '../../../src/crdt/migrations'
import { readWorkspaceMeta, updateWorkspaceDetails } from '../../../src/crdt/workspace-meta'
import { asha, copyOf, exchange, newWorkspace } from '../fixtures/workspace'
import { createArtifact } from '../../../src/crdt/artifacts'
import { recordMember } from '../../../src/crdt/members'
import { mergeUpdate } from '../../../src/crdt/merge-update'


/** A document as the first builds wrote it, before the schema version was recorded. */
const versionZeroDoc = (): Y.Doc => {
  const doc = makeWorkspaceDoc(makeWorkspaceId())
  doc.transact(() => {
    metaMap(doc).set(META.name, 'An early lab')
    metaMap(doc).set(META.leadCouncil, 'Kirklees Council')
  })
  return doc
}

/** A document written by a later Mutual with a schema this build does not know. */
const newerDoc = (): Y.Doc => {
  const doc = newWorkspace()
  doc.transact(() => {
    metaMap(doc).set(META.schemaVersion, 99)
    doc.getMap('formats').set('v99', 'a format this build cannot read')
    doc.getMap('somethingNew').set('field', 'value')
  })
  return doc
}

describe('schema compatibility', () => {
  it('tells empty, current, older and newer documents apart', () => {
    expect(checkSchemaCompatibility(makeWorkspaceDoc(makeWorkspaceId()))).toEqual({ status: 'empty' })
    expect(checkSchemaCompatibility(newWorkspace())).toEqual({ status: 'current' })
    expect(checkSchemaCompatibility(versionZeroDoc())).toEqual({ status: 'needs-migration', from: 0 })
    expect(checkSchemaCompatibility(newerDoc())).toEqual({ status: 'newer', version: 99 })
  })

  it('reads a missing or malformed version as 0', () => {
    const doc = versionZeroDoc()
    expect(readSchemaVersion(doc)).toBe(0)
    for (const bad of ['2', -1, 1.5, null]) {
      doc.transact(() => metaMap(doc).set(META.schemaVersion, bad))
      expect(readSchemaVersion(doc)).toBe(0)
    }
  })
})

describe('migrations', () => {
  it('moves a version 0 document to the current version, in one migration transaction', () => {
    const doc = versionZeroDoc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    expect(migrateWorkspace(doc)).toEqual({ status: 'migrated', from: 0, to: CURRENT_SCHEMA_VERSION })
    expect(origins).toEqual([MIGRATION])
    expect(readSchemaVersion(doc)).toBe(CURRENT_SCHEMA_VERSION)
    expect(readWorkspaceMeta(doc)).toMatchObject({ name: 'An early lab', leadCouncil: 'Kirklees Council' })
    expect(migrateWorkspace(doc)).toEqual({ status: 'unchanged' })
  })

  it('gives the same result when two devices migrate the same document at once', () => {
    const a = versionZeroDoc()
    const b = copyOf(a)
    migrateWorkspace(a)
    migrateWorkspace(b)
    exchange(a, b)
    expect(readSchemaVersion(a)).toBe(CURRENT_SCHEMA_VERSION)
    expect(readWorkspaceMeta(a)).toEqual(readWorkspaceMeta(b))
  })

  it('leaves an empty document alone', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    expect(migrateWorkspace(doc)).toEqual({ status: 'unchanged' })
    expect(metaMap(doc).size).toBe(0)
  })

  it('runs each step in order up to the target', () => {
    const steps: Migration[] = [
      ...MIGRATIONS,
      { from: CURRENT_SCHEMA_VERSION, describe: 'add a tagline', apply: (doc) => metaMap(doc).set('tagline', 'none') },
      {
        from: CURRENT_SCHEMA_VERSION + 1,
        describe: 'tagline becomes a motto',
        apply: (doc) => {
          metaMap(doc).set('motto', metaMap(doc).get('tagline'))
          metaMap(doc).delete('tagline')
        }
      }
    ]
    const doc = versionZeroDoc()
    const target = CURRENT_SCHEMA_VERSION + 2
    expect(migrateWorkspace(doc, steps, target)).toEqual({ status: 'migrated', from: 0, to: target })
    expect(readSchemaVersion(doc)).toBe(target)
    expect(metaMap(doc).get('motto')).toBe('none')
    expect(metaMap(doc).has('tagline')).toBe(false)
  })

  it('refuses a chain with a missing step before changing anything', () => {
    const doc = versionZeroDoc()
    const before = Y.encodeStateAsUpdate(doc)
    expect(() => migrateWorkspace(doc, MIGRATIONS, CURRENT_SCHEMA_VERSION + 1)).toThrow(`No migration from schema version ${CURRENT_SCHEMA_VERSION}`)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    expect(readSchemaVersion(doc)).toBe(0)
  })

  it('reports a newer document as too new and leaves it exactly as it was', () => {
    const doc = newerDoc()
    const before = Y.encodeStateAsUpdate(doc)
    expect(migrateWorkspace(doc)).toEqual({ status: 'too-new', version: 99 })
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })
})

describe('a document from a newer version', () => {
  it('refuses every write and stays exactly as it was', () => {
    const doc = newerDoc()
    const before = Y.encodeStateAsUpdate(doc)
    expect(() => updateWorkspaceDetails(doc, { name: 'Changed' })).toThrow(ReadOnlyWorkspaceError)
    expect(() => createArtifact(doc, { kind: 'note', title: 'x' }, asha, 2000)).toThrow(ReadOnlyWorkspaceError)
    expect(() => recordMember(doc, 'a'.repeat(32), { ...asha, colour: '#1d4ed8' }, 2000)).toThrow(
      ReadOnlyWorkspaceError
    )
    expect(() => mergeUpdate(doc, Y.encodeStateAsUpdate(versionZeroDoc()))).toThrow(ReadOnlyWorkspaceError)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('says plainly why it is read-only', () => {
    const doc = newerDoc()
    expect(() => updateWorkspaceDetails(doc, { name: 'Changed' })).toThrow(/newer version of Mutual.*read-only/)
  })
})
