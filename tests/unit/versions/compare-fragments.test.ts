import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { artifactBody, createArtifact } from '../../../src/crdt/artifacts'
import { attachAuthorship } from '../../../src/crdt/authorship'
import { compareFragment, type CompareBlock } from '../../../src/crdt/compare-fragments'

const ann = { name: 'Ann', organisation: 'Oldham Council' }

const paragraph = (text: string): Y.XmlElement => {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  return p
}

const flat = (blocks: CompareBlock[]) =>
  blocks.map((b) => ({ type: b.type, change: b.change, text: b.segments.map((s) => (s.change ? `[${s.change.kind}:${s.change.memberId}:${s.text}]` : s.text)).join('') }))

describe('comparing versions of rich text', () => {
  it('marks inserted and deleted text and blocks with who changed them', async () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const ud = attachAuthorship(doc, 'ann')
    const id = createArtifact(doc, { kind: 'report', title: 'Report' }, ann, 1)
    const body = artifactBody(doc, id) as Y.XmlFragment
    doc.transact(() => body.insert(0, [paragraph('The lab met twice.'), paragraph('Old conclusion.')]))
    const before = Y.snapshot(doc)

    const bob = new Y.Doc({ gc: false })
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(doc))
    attachAuthorship(bob, 'bob')
    const bobBody = artifactBody(bob, id) as Y.XmlFragment
    bob.transact(() => {
      const firstText = (bobBody.get(0) as Y.XmlElement).get(0) as Y.XmlText
      firstText.insert(11, ' three times, not')
      bobBody.delete(1, 1)
      bobBody.insert(1, [paragraph('New conclusion.')])
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(bob))

    const blocks = compareFragment(body, before, Y.snapshot(doc), ud)
    expect(flat(blocks)).toEqual([
      { type: 'paragraph', change: null, text: 'The lab met[added:bob: three times, not] twice.' },
      { type: 'paragraph', change: { kind: 'added', memberId: 'bob' }, text: '[added:bob:New conclusion.]' },
      { type: 'paragraph', change: { kind: 'removed', memberId: 'bob' }, text: '[removed:bob:Old conclusion.]' }
    ])
    // The same snapshot twice shows the version as it was, with nothing marked.
    expect(flat(compareFragment(body, before, before, ud))).toEqual([
      { type: 'paragraph', change: null, text: 'The lab met twice.' },
      { type: 'paragraph', change: null, text: 'Old conclusion.' }
    ])
  })

  it('keeps a removed block’s attributes as they were: a photo’s alt text, a heading’s level', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const ud = attachAuthorship(doc, 'ann')
    const id = createArtifact(doc, { kind: 'report', title: 'Report' }, ann, 1)
    const body = artifactBody(doc, id) as Y.XmlFragment
    const photo = new Y.XmlElement('attachment')
    const heading = new Y.XmlElement('heading')
    doc.transact(() => {
      body.insert(0, [heading, photo])
      photo.setAttribute('kind', 'image')
      photo.setAttribute('alt', 'The hub’s front door')
      heading.setAttribute('level', 3 as unknown as string)
    })
    const before = Y.snapshot(doc)
    doc.transact(() => body.delete(0, 2))
    const blocks = compareFragment(body, before, Y.snapshot(doc), ud)
    expect(blocks.map((b) => [b.type, b.change?.kind, b.attributes])).toEqual([
      ['heading', 'removed', { level: 3 }],
      ['attachment', 'removed', { kind: 'image', alt: 'The hub’s front door' }]
    ])
  })

  it('shows text typed in two sittings and deleted at once as one removal', async () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const ud = attachAuthorship(doc, 'ann')
    const id = createArtifact(doc, { kind: 'note', title: 'Note' }, ann, 1)
    const body = artifactBody(doc, id) as Y.XmlFragment
    doc.transact(() => body.insert(0, [paragraph('The f')]))
    // Ann carries on another day: a new sitting writes under a new client id, so Yjs keeps
    // "f" and "irst bullet" as separate pieces of text.
    const later = new Y.Doc({ gc: false })
    Y.applyUpdate(later, Y.encodeStateAsUpdate(doc))
    attachAuthorship(later, 'ann')
    const laterText = ((artifactBody(later, id) as Y.XmlFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText
    laterText.insert(5, 'irst bullet')
    await new Promise((resolve) => setTimeout(resolve, 0))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(later))
    const before = Y.snapshot(doc)
    ;((body.get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(4, 'first bullet'.length)
    await new Promise((resolve) => setTimeout(resolve, 0))

    expect(flat(compareFragment(body, before, Y.snapshot(doc), ud))).toEqual([
      { type: 'paragraph', change: null, text: 'The [removed:ann:first bullet]' }
    ])
  })
})
