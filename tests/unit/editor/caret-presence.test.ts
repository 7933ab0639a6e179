import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { CARET_PUBLISH_MS, makeCaretAwareness } from '../../../src/editor/caret-presence'

const presence = (): Awareness => new Awareness(new Y.Doc())
const sendTo = (from: Awareness, to: Awareness): void =>
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'peer')

describe('caret presence', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('publishes a typist’s caret at most once per interval, with the latest position', () => {
    const mine = presence()
    const published: unknown[] = []
    mine.on('change', () => published.push(mine.getLocalState()?.cursor))
    const carets = makeCaretAwareness(mine)
    for (let i = 1; i <= 5; i++) carets.setLocalStateField('cursor', { head: i })
    // The caret plugin reads back what it set at once, though nothing was sent yet.
    expect(carets.getLocalState()?.cursor).toEqual({ head: 5 })
    expect(published).toEqual([])
    vi.advanceTimersByTime(CARET_PUBLISH_MS)
    expect(published).toEqual([{ head: 5 }])
    carets.setLocalStateField('cursor', null)
    vi.advanceTimersByTime(CARET_PUBLISH_MS)
    expect(published).toEqual([{ head: 5 }, null])
  })

  it('passes other fields straight through', () => {
    const mine = presence()
    makeCaretAwareness(mine).setLocalStateField('user', { name: 'Asha' })
    expect(mine.getLocalState()?.user).toEqual({ name: 'Asha' })
  })

  it('wakes the caret plugin only when someone else’s caret or name changed', () => {
    const mine = presence()
    const theirs = presence()
    const carets = makeCaretAwareness(mine)
    let calls = 0
    carets.on('change', () => calls++)
    theirs.setLocalState({ user: { name: 'Tom' }, cursor: { head: 1 } })
    sendTo(theirs, mine)
    expect(calls).toBe(1)
    // Their other presence fields (what they view, their sync digest) move no caret.
    theirs.setLocalStateField('seen', 'abc')
    sendTo(theirs, mine)
    expect(calls).toBe(1)
    theirs.setLocalStateField('cursor', { head: 2 })
    sendTo(theirs, mine)
    expect(calls).toBe(2)
    // Nor does this person's own caret.
    carets.setLocalStateField('cursor', { head: 9 })
    vi.advanceTimersByTime(CARET_PUBLISH_MS)
    expect(calls).toBe(2)
  })

  it('sends nothing once presence is torn down', () => {
    const mine = presence()
    const carets = makeCaretAwareness(mine)
    carets.setLocalStateField('cursor', { head: 1 })
    mine.destroy()
    vi.advanceTimersByTime(CARET_PUBLISH_MS)
    expect(mine.getLocalState()).toBeNull()
  })
})
