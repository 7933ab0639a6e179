import { describe, expect, it } from 'vitest'
import { createRoot } from 'solid-js'
import * as Y from 'yjs'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { makeWorkspaceDoc, metaMap } from '../../../src/crdt/workspace-doc'
import { initialiseWorkspace, updateWorkspaceDetails } from '../../../src/crdt/workspace-meta'
import { artifactBody, artifactMap, createArtifact, renameArtifact } from '../../../src/crdt/artifacts'
import { createYProjection } from '../../../src/reactive/create-y-projection'
import { createArtifactSummaries, createWorkspaceMeta } from '../../../src/reactive/workspace-projections'

const asha = { name: 'Asha Patel', organisation: 'Oldham Council' }
const details = { name: 'Lab', description: '', leadCouncil: 'Oldham Council', partnerCouncils: [], startDate: '' }

const newWorkspace = (): Y.Doc => {
  const doc = makeWorkspaceDoc(makeWorkspaceId())
  initialiseWorkspace(doc, details, asha, 1000)
  return doc
}

describe('Yjs to Solid projections', () => {
  it('follow local and remote changes', () => {
    const doc = newWorkspace()
    createRoot((dispose) => {
      const meta = createWorkspaceMeta(doc)
      expect(meta().name).toBe('Lab')
      updateWorkspaceDetails(doc, { name: 'Renamed' })
      expect(meta().name).toBe('Renamed')
      const peer = makeWorkspaceDoc(doc.guid as never)
      Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
      updateWorkspaceDetails(peer, { partnerCouncils: ['Wirral Council'] })
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)))
      expect(meta().partnerCouncils).toEqual(['Wirral Council'])
      dispose()
    })
  })

  it('update records in place, keyed by id, so only what changed re-renders', () => {
    const doc = newWorkspace()
    createRoot((dispose) => {
      const artifacts = createArtifactSummaries(doc)
      const a = createArtifact(doc, { kind: 'note', title: 'A' }, asha, 2000)
      createArtifact(doc, { kind: 'note', title: 'B' }, asha, 3000)
      const before = artifacts().find((x) => x.id === a)
      expect(artifacts().map((x) => x.title)).toEqual(['B', 'A'])
      renameArtifact(doc, a, 'A, renamed', asha, 4000)
      // Reconciled by id: the same record object, updated in place, now first in the list.
      expect(artifacts()[0]).toBe(before)
      expect(before?.title).toBe('A, renamed')
      dispose()
    })
  })

  it('share one observer per doc and key, and drop it when the last user goes', () => {
    const doc = newWorkspace()
    const meta = metaMap(doc) as unknown as { _eH: { l: unknown[] }; _dEH: { l: unknown[] } }
    const observers = (): number => meta._dEH.l.length
    const first = createRoot((dispose) => ({ read: createWorkspaceMeta(doc), dispose }))
    const second = createRoot((dispose) => ({ read: createWorkspaceMeta(doc), dispose }))
    expect(observers()).toBe(1)
    first.dispose()
    expect(observers()).toBe(1)
    updateWorkspaceDetails(doc, { name: 'Still followed' })
    expect(second.read().name).toBe('Still followed')
    second.dispose()
    expect(observers()).toBe(0)
  })

  it('do not re-read structured data while someone types in a body, but do when details change', () => {
    const doc = newWorkspace()
    const id = createArtifact(doc, { kind: 'note', title: 'Site visit' }, asha, 2000)
    let reads = 0
    createRoot((dispose) => {
      const title = createYProjection(doc, 'title-reads', () => artifactMap(doc, id) as Y.Map<unknown>, () => {
        reads += 1
        return String(artifactMap(doc, id)?.get('title'))
      })
      const readsAtStart = reads
      const paragraph = new Y.XmlElement('paragraph')
      artifactBody(doc, id)?.insert(0, [paragraph])
      const text = new Y.XmlText()
      paragraph.insert(0, [text])
      for (const letter of 'typing') text.insert(text.length, letter)
      expect(reads).toBe(readsAtStart)
      renameArtifact(doc, id, 'Site visit, Wirral', asha, 3000)
      expect(reads).toBe(readsAtStart + 1)
      expect(title()).toBe('Site visit, Wirral')
      dispose()
    })
  })

  it('follow a change to an artifact’s tags alone, as when a peer’s tag is merged', () => {
    const doc = newWorkspace()
    createRoot((dispose) => {
      const artifacts = createArtifactSummaries(doc)
      const note = createArtifact(doc, { kind: 'note', title: 'Site visit' }, asha, 2000)
      ;(artifactMap(doc, note)?.get('tags') as Y.Map<true>).set('housing', true)
      expect(artifacts().find((a) => a.id === note)?.tags).toEqual(['housing'])
      dispose()
    })
  })
})
