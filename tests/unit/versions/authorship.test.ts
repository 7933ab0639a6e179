import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { artifactBody, createArtifact } from '../../../src/crdt/artifacts'
import { ROOT } from '../../../src/crdt/keys'
import { attachAuthorship, attachAuthorshipLater, contributorsBetween, encodeDeleteSet } from '../../../src/crdt/authorship'

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

  it('encodes a delete set exactly as Y.PermanentUserData records it', async () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    attachAuthorship(doc, 'ann')
    const report = createArtifact(doc, { kind: 'report', title: 'Report' }, ann, 1)
    doc.transact(() => artifactBody(doc, report)?.insert(0, [paragraph('One'), paragraph('Two'), paragraph('Three')]))
    let ours: Uint8Array | null = null
    doc.once('afterTransaction', (transaction: Y.Transaction) => {
      ours = encodeDeleteSet(transaction.deleteSet)
    })
    doc.transact(() => {
      artifactBody(doc, report)?.delete(0, 1)
      artifactBody(doc, report)?.delete(1, 1)
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    const recorded = (doc.getMap<Y.Map<Y.Array<Uint8Array>>>(ROOT.users).get('ann')?.get('ds')?.toArray() ?? []).at(-1)
    expect(ours).not.toBeNull()
    expect(recorded).toEqual(ours)
  })

  it('attributes deletions made before a deferred attachment, and attaches nothing once stopped', async () => {
    const a = makeWorkspaceDoc(makeWorkspaceId())
    attachAuthorship(a, 'ann')
    const report = createArtifact(a, { kind: 'report', title: 'Report' }, ann, 1)
    a.transact(() => artifactBody(a, report)?.insert(0, [paragraph('Ann’s findings.'), paragraph('More.')]))
    const v1 = Y.snapshot(a)

    const b = new Y.Doc({ gc: false })
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    let attach: (() => void) | null = null
    attachAuthorshipLater(b, 'bob', (task) => {
      attach = task
      return () => {
        attach = null
      }
    })
    // Bob deletes while the browser is still busy opening: nothing has been attached yet.
    b.transact(() => artifactBody(b, report)?.delete(0, 1))
    expect(b.getMap(ROOT.users).has('bob')).toBe(false)
    ;(attach as unknown as () => void)()
    await new Promise((resolve) => setTimeout(resolve, 0))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(contributorsBetween(a, report, v1, Y.snapshot(a))).toEqual(['bob'])

    const c = new Y.Doc({ gc: false })
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a))
    let pending = true
    const stop = attachAuthorshipLater(c, 'cat', () => () => {
      pending = false
    })
    stop()
    expect(pending).toBe(false)
    c.transact(() => artifactBody(c, report)?.delete(0, 1))
    expect(c.getMap(ROOT.users).has('cat')).toBe(false)
  })
})
