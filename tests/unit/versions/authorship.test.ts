import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { artifactBody, createArtifact } from '../../../src/crdt/artifacts'
import { attachAuthorship, contributorsBetween } from '../../../src/crdt/authorship'

const ann = { name: 'Ann', organisation: 'Oldham Council' }

const paragraph = (text: string): Y.XmlElement => {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  return p
}

describe('authorship', () => {
  it('names who inserted and who deleted in an artifact between two versions', async () => {
    const a = makeWorkspaceDoc(makeWorkspaceId())
    attachAuthorship(a, 'ann')
    const report = createArtifact(a, { kind: 'report', title: 'Report' }, ann, 1)
    const other = createArtifact(a, { kind: 'note', title: 'Note' }, ann, 1)
    a.transact(() => artifactBody(a, report)?.insert(0, [paragraph('Ann’s findings.')]))
    const v1 = Y.snapshot(a)

    const b = new Y.Doc({ gc: false })
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    attachAuthorship(b, 'bob')
    b.transact(() => artifactBody(b, report)?.delete(0, 1))
    // PermanentUserData records deletions on a timer after the transaction.
    await new Promise((resolve) => setTimeout(resolve, 0))
    const c = new Y.Doc({ gc: false })
    Y.applyUpdate(c, Y.encodeStateAsUpdate(b))
    attachAuthorship(c, 'cat')
    c.transact(() => artifactBody(c, other)?.insert(0, [paragraph('Cat wrote in another note.')]))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(c))
    const v2 = Y.snapshot(a)

    expect(contributorsBetween(a, report, null, v1)).toEqual(['ann'])
    expect(contributorsBetween(a, report, v1, v2)).toEqual(['bob'])
    expect(contributorsBetween(a, other, v1, v2)).toEqual(['cat'])
  })
})
