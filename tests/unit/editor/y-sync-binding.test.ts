/**
 * What src/editor/y-sync-binding.ts relies on in @tiptap/y-tiptap. If an update of the library
 * changes any of it, a test here fails: read the new version's sync plugin before moving the pin.
 */
import { readFileSync } from 'node:fs'
import { isChangeOrigin } from '@tiptap/extension-collaboration'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { isBindingWrite, markAsFromYjs, toAbsolute, toRelative, ySyncBinding } from '../../../src/editor/y-sync-binding'
import { lineUnder, openTwoPeers, placeOf, putCaret, typeKeys, type HeadlessPeer } from './headless-peers'

const readJson = (path: string): Record<string, any> => JSON.parse(readFileSync(path, 'utf8'))

let peers: HeadlessPeer[] = []
const open = () => {
  const pair = openTwoPeers(() => [])
  peers = pair
  return pair
}
afterEach(() => peers.forEach((peer) => peer.view.destroy()))

describe('the collaboration binding, as y-sync-binding.ts uses it', () => {
  it('is pinned to the version read for it', () => {
    const manifest = readJson(new URL('../../../package.json', import.meta.url).pathname)
    expect(manifest.dependencies['@tiptap/y-tiptap']).toBe('3.0.9')
    expect(readJson(new URL('../../../node_modules/@tiptap/y-tiptap/package.json', import.meta.url).pathname).version).toBe('3.0.9')
  })

  it('keeps its document, text and a map from each Yjs block to the editor’s block in its plugin state', () => {
    const [asha] = open()
    const binding = ySyncBinding(asha.view.state)
    expect(binding?.doc).toBe(asha.doc)
    expect(binding?.fragment).toBe(asha.doc.getXmlFragment('body'))
    const blocks = binding!.fragment.toArray()
    expect(blocks).toHaveLength(asha.view.state.doc.childCount)
    blocks.forEach((block, i) => expect(binding!.mapping.get(block)).toBe(asha.view.state.doc.child(i)))
  })

  it('writes this person’s typing to Yjs under an origin isBindingWrite knows, and others’ changes are not taken for it', () => {
    const [asha, ben] = open()
    const seen: boolean[] = []
    const record = (transaction: Y.Transaction): void => {
      if (transaction.changed.size > 0) seen.push(isBindingWrite(transaction))
    }
    asha.doc.on('afterTransaction', record)
    putCaret(asha, lineUnder(asha.view.state.doc, 'Summary'))
    typeKeys(asha, 'a')
    putCaret(ben, lineUnder(ben.view.state.doc, 'Method'))
    typeKeys(ben, 'b')
    asha.doc.off('afterTransaction', record)
    expect(seen).toEqual([true, false])
  })

  it('treats a transaction marked by markAsFromYjs as one of its own changes from Yjs', () => {
    const [asha] = open()
    const tr = markAsFromYjs(asha.view.state.tr)
    expect(isChangeOrigin(tr)).toBe(true)
    expect(ySyncPluginKey.getState(asha.view.state.apply(tr))?.isChangeOrigin).toBe(true)
  })

  it('turns a position in an empty line into a relative position that follows the line when text arrives above it', () => {
    const [asha, ben] = open()
    const held = toRelative(ySyncBinding(ben.view.state)!, lineUnder(ben.view.state.doc, 'Findings'))
    putCaret(asha, lineUnder(asha.view.state.doc, 'Summary'))
    typeKeys(asha, 'Food hubs')
    const now = toAbsolute(ySyncBinding(ben.view.state)!, held)
    expect(now).toBe(lineUnder(ben.view.state.doc, 'Findings'))
  })

  it('on its own, still moves a caret in an empty line to the next empty line when text fills one above (what CaretInPlace corrects)', () => {
    const [asha, ben] = open()
    putCaret(ben, lineUnder(ben.view.state.doc, 'Findings'))
    putCaret(asha, lineUnder(asha.view.state.doc, 'Summary'))
    typeKeys(asha, 'F')
    expect(placeOf(ben.view.state.doc, ben.view.state.selection.head)).toBe('Case studies / ')
  })
})
