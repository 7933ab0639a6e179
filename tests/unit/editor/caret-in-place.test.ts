import { TextSelection } from '@tiptap/pm/state'
import { afterEach, describe, expect, it } from 'vitest'
import { makeCaretInPlacePlugin } from '../../../src/editor/caret-in-place'
import type { ScreenSelection } from '../../../src/editor/screen-selection'
import { caretAsSeenBy, lineUnder, openTwoPeers, placeOf, putCaret, typeKeys, type HeadlessPeer } from './headless-peers'

/** A 54-character sentence, as in the report of the defect (issue 13). */
const SUMMARY = 'Food hubs in both towns now serve more people, weekly.'

/**
 * Each person's screen: a caret the browser has moved (a click) that the editor has not read
 * yet, or null when the screen shows the editor's own caret.
 */
let screens: { caret: ScreenSelection | null }[] = []
let peers: HeadlessPeer[] = []
const open = () => {
  screens = [{ caret: null }, { caret: null }]
  const pair = openTwoPeers((peer) => [makeCaretInPlacePlugin(() => ({ read: () => screens[peer]!.caret, destroy: () => undefined }))])
  peers = pair
  return pair
}
/** Ben clicks at `position`: the browser's caret moves there, and the editor reads it a task later. */
const clickWithoutReading = (peer: 0 | 1, position: number): void => {
  screens[peer]!.caret = { anchor: position, head: position }
}
/** The browser now shows the editor's caret again (the editor drew it, or read the click). */
const screenShowsEditor = (peer: 0 | 1): void => {
  screens[peer]!.caret = null
}
afterEach(() => peers.forEach((peer) => peer.view.destroy()))

const caretPlace = (peer: HeadlessPeer): string => placeOf(peer.view.state.doc, peer.view.state.selection.head)

describe('a caret stays where its owner put it while another person types', () => {
  it('in an empty paragraph, while the other types a sentence into an empty paragraph higher up', () => {
    const [asha, ben] = open()
    putCaret(ben, lineUnder(ben.view.state.doc, 'Findings'))
    putCaret(asha, lineUnder(asha.view.state.doc, 'Summary'))
    typeKeys(asha, SUMMARY)
    expect(caretPlace(ben)).toBe('Findings / ')
    // What Ben publishes is drawn in his line on Asha's screen.
    expect(placeOf(asha.view.state.doc, caretAsSeenBy(ben, asha)!)).toBe('Findings / ')

    typeKeys(ben, 'Queues start before opening.')
    expect(placeOf(asha.view.state.doc, lineUnder(asha.view.state.doc, 'Findings'))).toBe('Findings / Queues start before opening.')
    expect(placeOf(asha.view.state.doc, lineUnder(asha.view.state.doc, 'Case studies'))).toBe('Case studies / ')
  })

  it('on a new line made with Enter, after a pause, while the other types higher up', () => {
    const [asha, ben] = open()
    putCaret(ben, lineUnder(ben.view.state.doc, 'Findings'))
    typeKeys(ben, 'Queues start.')
    ben.view.dispatch(ben.view.state.tr.split(ben.view.state.selection.head))
    expect(caretPlace(ben)).toBe('Findings / ')
    putCaret(asha, lineUnder(asha.view.state.doc, 'Background'))
    typeKeys(asha, 'Two councils share one hub.')
    typeKeys(ben, 'Most come on foot.')
    const findings = lineUnder(ben.view.state.doc, 'Findings')
    expect(ben.view.state.doc.resolve(findings).parent.textContent).toBe('Queues start.')
    expect(caretPlace(ben)).toBe('Findings / Most come on foot.')
    expect(placeOf(ben.view.state.doc, lineUnder(ben.view.state.doc, 'Case studies'))).toBe('Case studies / ')
  })

  it('in the same empty paragraph the other starts typing into: it stays in that paragraph', () => {
    const [asha, ben] = open()
    putCaret(ben, lineUnder(ben.view.state.doc, 'Findings'))
    putCaret(asha, lineUnder(asha.view.state.doc, 'Findings'))
    typeKeys(asha, 'Queues')
    expect(caretPlace(ben)).toBe('Findings / Queues')
  })

  it('with a selection: both ends stay on their words', () => {
    const [asha, ben] = open()
    putCaret(ben, lineUnder(ben.view.state.doc, 'Findings'))
    typeKeys(ben, 'Queues start early.')
    const start = lineUnder(ben.view.state.doc, 'Findings')
    ben.view.dispatch(ben.view.state.tr.setSelection(TextSelection.create(ben.view.state.doc, start, start + 6)))
    putCaret(asha, lineUnder(asha.view.state.doc, 'Summary'))
    typeKeys(asha, SUMMARY)
    const { from, to } = ben.view.state.selection
    expect(ben.view.state.doc.textBetween(from, to)).toBe('Queues')
  })

  it('when the other deletes the whole section the caret was in, the binding’s own placing stands (no error)', () => {
    const [asha, ben] = open()
    putCaret(ben, lineUnder(ben.view.state.doc, 'Findings'))
    const findings = lineUnder(asha.view.state.doc, 'Findings')
    const heading = asha.view.state.doc.resolve(findings - 2)
    asha.view.dispatch(asha.view.state.tr.delete(heading.before(), findings + 1))
    expect(ben.view.state.doc.textContent).not.toContain('Findings')
    expect(ben.view.state.selection.head).toBeGreaterThanOrEqual(0)
    expect(ben.view.state.selection.head).toBeLessThanOrEqual(ben.view.state.doc.content.size)
  })

  it('a click the editor has not read yet when another person’s change arrives is kept, not undone', () => {
    const [asha, ben] = open()
    putCaret(ben, lineUnder(ben.view.state.doc, 'Summary') - 2)
    putCaret(asha, lineUnder(asha.view.state.doc, 'Summary'))
    clickWithoutReading(1, lineUnder(ben.view.state.doc, 'Findings'))
    typeKeys(asha, 'F')
    screenShowsEditor(1)
    typeKeys(asha, 'ood hubs.')
    expect(caretPlace(ben)).toBe('Findings / ')
    typeKeys(ben, 'Queues')
    expect(placeOf(asha.view.state.doc, lineUnder(asha.view.state.doc, 'Findings'))).toBe('Findings / Queues')
    expect(placeOf(asha.view.state.doc, lineUnder(asha.view.state.doc, 'Summary'))).toBe('Summary / Food hubs.')
  })

  it('a click the editor has not read yet when other people’s carets are redrawn is kept', () => {
    const [, ben] = open()
    putCaret(ben, lineUnder(ben.view.state.doc, 'Summary') - 2)
    clickWithoutReading(1, lineUnder(ben.view.state.doc, 'Findings'))
    ben.view.dispatch(ben.view.state.tr.setMeta('othersCaretsMoved', true))
    screenShowsEditor(1)
    expect(caretPlace(ben)).toBe('Findings / ')
  })

  it('a screen that shows the editor’s own caret changes nothing when carets are redrawn', () => {
    const [, ben] = open()
    const summaryStart = lineUnder(ben.view.state.doc, 'Summary') - 2
    putCaret(ben, summaryStart)
    ben.view.dispatch(ben.view.state.tr.setMeta('othersCaretsMoved', true))
    expect(ben.view.state.selection.head).toBe(summaryStart)
  })
})
