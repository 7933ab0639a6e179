import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { META } from '../../../src/crdt/keys'
import { CURRENT_SCHEMA_VERSION } from '../../../src/crdt/schema-version'
import { makeWorkspaceDoc, metaMap, hasWorkspaceContent } from '../../../src/crdt/workspace-doc'
import {
  initialiseWorkspace,
  readWorkspaceMeta,
  renameWorkspace,
  updateWorkspaceDetails
} from '../../../src/crdt/workspace-meta'
import { LOCAL_EDIT } from '../../../src/crdt/origins'
import { asha, copyOf, exchange, labDetails, newWorkspace } from '../fixtures/workspace'

const details = labDetails

describe('workspace meta', () => {
  it('initialises every detail, the schema version and who created it', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    expect(hasWorkspaceContent(doc)).toBe(false)
    initialiseWorkspace(doc, details, asha, 1_700_000_000_000)
    expect(hasWorkspaceContent(doc)).toBe(true)
    expect(readWorkspaceMeta(doc)).toEqual({
      ...details,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      createdAt: 1_700_000_000_000,
      createdBy: asha
    })
  })

  it('writes in one transaction with the local-edit origin', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    initialiseWorkspace(doc, details, asha, 1)
    updateWorkspaceDetails(doc, { description: 'Changed' })
    expect(origins).toEqual([LOCAL_EDIT, LOCAL_EDIT])
  })

  it('changes only the fields that differ', () => {
    const doc = newWorkspace()
    const changedKeys: string[][] = []
    metaMap(doc).observe((event) => changedKeys.push([...event.keysChanged].sort()))
    updateWorkspaceDetails(doc, { ...details, description: 'A new description' })
    expect(changedKeys).toEqual([[META.description]])
    expect(readWorkspaceMeta(doc).description).toBe('A new description')
  })

  it('makes no change at all when the details are saved unchanged', () => {
    const doc = newWorkspace()
    let updates = 0
    doc.on('update', () => {
      updates += 1
    })
    updateWorkspaceDetails(doc, details)
    updateWorkspaceDetails(doc, { ...details, partnerCouncils: [...details.partnerCouncils].reverse() })
    expect(updates).toBe(0)
  })

  it('renames through the same path', () => {
    const doc = newWorkspace()
    renameWorkspace(doc, 'Food justice lab')
    expect(readWorkspaceMeta(doc)).toMatchObject({ name: 'Food justice lab', leadCouncil: 'Oldham Council' })
  })

  it('keeps both of two concurrent edits to different fields', () => {
    const a = newWorkspace()
    const b = copyOf(a)
    updateWorkspaceDetails(a, { name: 'Renamed on device A' })
    updateWorkspaceDetails(b, { description: 'Described on device B', startDate: '2026-09-01' })
    exchange(a, b)
    for (const doc of [a, b]) {
      expect(readWorkspaceMeta(doc)).toMatchObject({
        name: 'Renamed on device A',
        description: 'Described on device B',
        startDate: '2026-09-01',
        leadCouncil: 'Oldham Council'
      })
    }
  })

  it('keeps partner councils that two people add at the same time', () => {
    const a = newWorkspace()
    const b = copyOf(a)
    updateWorkspaceDetails(a, { partnerCouncils: [...details.partnerCouncils, 'Bristol City Council'] })
    updateWorkspaceDetails(b, { partnerCouncils: [...details.partnerCouncils, 'Cardiff Council'] })
    exchange(a, b)
    for (const doc of [a, b]) {
      expect(readWorkspaceMeta(doc).partnerCouncils.sort()).toEqual(
        ['Bristol City Council', 'Cardiff Council', 'Preston City Council', 'Wirral Council']
      )
    }
  })

  it('shows a council once when two people add it at the same time', () => {
    const a = newWorkspace()
    const b = copyOf(a)
    updateWorkspaceDetails(a, { partnerCouncils: [...details.partnerCouncils, 'Bristol City Council'] })
    updateWorkspaceDetails(b, { partnerCouncils: [...details.partnerCouncils, 'bristol city council'] })
    exchange(a, b)
    expect(readWorkspaceMeta(a).partnerCouncils).toHaveLength(3)
    expect(readWorkspaceMeta(a).partnerCouncils).toEqual(readWorkspaceMeta(b).partnerCouncils)
  })

  it('keeps a concurrent addition when another person removes a different council', () => {
    const a = newWorkspace()
    const b = copyOf(a)
    updateWorkspaceDetails(a, { partnerCouncils: ['Preston City Council'] })
    updateWorkspaceDetails(b, { partnerCouncils: [...details.partnerCouncils, 'Kirklees Council'] })
    exchange(a, b)
    expect(readWorkspaceMeta(a).partnerCouncils.sort()).toEqual(['Kirklees Council', 'Preston City Council'])
    expect(readWorkspaceMeta(b).partnerCouncils.sort()).toEqual(['Kirklees Council', 'Preston City Council'])
  })

  it('reads malformed fields from a peer as empty instead of failing', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    doc.transact(() => {
      const meta = metaMap(doc)
      meta.set(META.name, 42)
      meta.set(META.description, { html: '<b>x</b>' })
      meta.set(META.leadCouncil, 'Leeds City Council')
      meta.set(META.partnerCouncils, 'not a list')
      meta.set(META.startDate, '1 April')
      meta.set(META.createdAt, 'yesterday')
      meta.set(META.createdBy, { name: 7 })
    })
    expect(readWorkspaceMeta(doc)).toEqual({
      schemaVersion: 0,
      name: '',
      description: '',
      leadCouncil: 'Leeds City Council',
      partnerCouncils: [],
      startDate: '',
      createdAt: 0,
      createdBy: null
    })
  })

  it('repairs a partner council list that a peer stored in the wrong shape when it is next edited', () => {
    const doc = newWorkspace()
    doc.transact(() => metaMap(doc).set(META.partnerCouncils, 'not a list'))
    updateWorkspaceDetails(doc, { partnerCouncils: ['Sheffield City Council'] })
    expect(readWorkspaceMeta(doc).partnerCouncils).toEqual(['Sheffield City Council'])
  })
})
