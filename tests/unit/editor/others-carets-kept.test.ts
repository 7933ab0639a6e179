import { yCursorPlugin, yCursorPluginKey } from '@tiptap/y-tiptap'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { makeCaretAwareness } from '../../../src/editor/caret-presence'
import { makeOthersCaretsKeptPlugin } from '../../../src/editor/others-carets-kept'
import { lineUnder, openTwoPeers, putCaret, type HeadlessPeer } from './headless-peers'

let peers: HeadlessPeer[] = []
let presences: Awareness[] = []
afterEach(() => {
  peers.forEach((peer) => peer.view.destroy())
  presences.forEach((presence) => presence.destroy())
  peers = []
  presences = []
})

/**
 * Asha and Ben, both with the caret plugin and presence that reaches the other at once; Asha
 * also has the plugin under test when `kept`.
 */
const openWithCarets = (kept: boolean): [HeadlessPeer, HeadlessPeer] => {
  const pair = openTwoPeers(
    (peer, doc) => {
      const presence = new Awareness(doc)
      presence.setLocalStateField('user', { name: peer === 0 ? 'Asha Patel' : 'Ben Okafor', color: '#1d70b8' })
      presences.push(presence)
      // As the editor has it: told only of other people's carets (caret-presence.ts).
      return [yCursorPlugin(makeCaretAwareness(presence) as unknown as Awareness), ...(kept && peer === 0 ? [makeOthersCaretsKeptPlugin()] : [])]
    },
    { focused: true }
  )
  const [asha, ben] = presences as [Awareness, Awareness]
  ben.on('update', ({ added, updated }: { added: number[]; updated: number[] }) =>
    applyAwarenessUpdate(asha, encodeAwarenessUpdate(ben, [...added, ...updated]), 'peer')
  )
  peers = pair
  return pair
}

/** Where Asha's screen draws other people's carets. */
const caretsOnScreen = (peer: HeadlessPeer): number[] =>
  (yCursorPluginKey.getState(peer.view.state)?.find() ?? []).filter((d) => d.spec.key !== undefined).map((d) => d.from)

describe('other people’s carets stay drawn through this person’s own new lines', () => {
  it('Ben’s caret stays drawn in his line on Asha’s screen after she adds lines above it', async () => {
    const [asha, ben] = openWithCarets(true)
    putCaret(ben, lineUnder(ben.view.state.doc, 'Findings'))
    await vi.waitFor(() => expect(caretsOnScreen(asha)).toEqual([lineUnder(asha.view.state.doc, 'Findings')]))
    // Asha presses Enter at the end of the Summary heading: a new line, higher up than Ben.
    const summaryEnd = lineUnder(asha.view.state.doc, 'Summary') - 2
    asha.view.dispatch(asha.view.state.tr.split(summaryEnd))
    await vi.waitFor(() => expect(caretsOnScreen(asha)).toEqual([lineUnder(asha.view.state.doc, 'Findings')]))
  })

  it('without it, the caret plugin hides Ben’s caret after Asha’s new line until his presence changes', async () => {
    const [asha, ben] = openWithCarets(false)
    putCaret(ben, lineUnder(ben.view.state.doc, 'Findings'))
    await vi.waitFor(() => expect(caretsOnScreen(asha)).toHaveLength(1))
    const summaryEnd = lineUnder(asha.view.state.doc, 'Summary') - 2
    asha.view.dispatch(asha.view.state.tr.split(summaryEnd))
    expect(caretsOnScreen(asha)).toEqual([])
    // The next tick brings nothing: no presence changed.
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(caretsOnScreen(asha)).toEqual([])
  })
})
