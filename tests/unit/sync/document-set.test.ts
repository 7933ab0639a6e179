import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeArtifactDoc } from '../../../src/crdt/artifact-doc'
import { makeArtifactId, type ArtifactId } from '../../../src/domain/ids'
import { makeDocumentSet } from '../../../src/sync/document-set'

describe('the documents of a sync session', () => {
  it('always has the root, and an artifact document from attach to detach, telling listeners', () => {
    const root = new Y.Doc()
    const set = makeDocumentSet(root)
    const id = makeArtifactId()
    const doc = makeArtifactDoc(id)
    const heard: [string, boolean][] = []
    set.subscribe((key, _doc, attached) => heard.push([key, attached]))
    expect(set.get('')).toBe(root)
    expect(set.get(id)).toBeUndefined()
    const detach = set.attach(id, doc)
    expect(set.get(id)).toBe(doc)
    expect(set.artifacts()).toEqual([[id, doc]])
    detach()
    detach()
    expect(set.get(id)).toBeUndefined()
    expect(heard).toEqual([
      [id, true],
      [id, false]
    ])
  })

  it('keeps a document attached twice until both holders detach', () => {
    const set = makeDocumentSet(new Y.Doc())
    const id = makeArtifactId()
    const doc = makeArtifactDoc(id)
    const first = set.attach(id, doc)
    const second = set.attach(id, doc)
    first()
    first()
    expect(set.get(id)).toBe(doc)
    second()
    expect(set.get(id)).toBeUndefined()
  })

  it('refuses the root key, a key that is not an artifact id, a second document under one key, and more than its bound', () => {
    const set = makeDocumentSet(new Y.Doc(), 2)
    expect(() => set.attach('' as ArtifactId, new Y.Doc())).toThrow(RangeError)
    expect(() => set.attach('../x' as ArtifactId, new Y.Doc())).toThrow(RangeError)
    expect(() => set.attach('A'.repeat(32) as ArtifactId, new Y.Doc())).toThrow(RangeError)
    const id = makeArtifactId()
    set.attach(id, makeArtifactDoc(id))
    expect(() => set.attach(id, makeArtifactDoc(id))).toThrow(/another document/)
    set.attach(makeArtifactId(), new Y.Doc())
    expect(() => set.attach(makeArtifactId(), new Y.Doc())).toThrow(/at most 2/)
    expect(set.artifacts()).toHaveLength(2)
  })
})
