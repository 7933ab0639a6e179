import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { updateAddsSomething } from '../../../src/sync/update-novelty'

describe('whether an update adds something', () => {
  it('sees new inserts and new deletions, and nothing in an update already applied', () => {
    const a = new Y.Doc({ gc: false })
    const b = new Y.Doc({ gc: false })
    a.getText('t').insert(0, 'one two three')
    const full = Y.encodeStateAsUpdate(a)
    expect(updateAddsSomething(b, full)).toBe(true)
    Y.applyUpdate(b, full)
    expect(updateAddsSomething(b, full)).toBe(false)
    a.getText('t').delete(4, 4)
    expect(updateAddsSomething(b, Y.encodeStateAsUpdate(a))).toBe(true)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(updateAddsSomething(b, Y.encodeStateAsUpdate(a))).toBe(false)
    // b deleted more than a: a's update has nothing b lacks.
    b.getText('t').delete(0, 4)
    expect(updateAddsSomething(b, Y.encodeStateAsUpdate(a))).toBe(false)
    expect(updateAddsSomething(a, Y.encodeStateAsUpdate(b))).toBe(true)
  })
})
