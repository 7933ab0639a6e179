import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { normaliseRanges, snapshotBeforeDeletions, subtractRanges, addDeletions, type DeleteRanges } from '../../../src/crdt/delete-ranges'

const ranges = (entries: [number, [number, number][]][]): DeleteRanges =>
  new Map(entries.map(([client, list]) => [client, list.map(([clock, len]) => ({ clock, len }))]))

describe('delete ranges', () => {
  it('sorts and merges overlapping and touching ranges', () => {
    expect(normaliseRanges(ranges([[1, [[5, 2], [0, 3], [2, 2], [10, 0]]]]))).toEqual(ranges([[1, [[0, 4], [5, 2]]]]))
  })

  it('subtracts holes from the middle, the ends and whole ranges', () => {
    const from = ranges([[1, [[0, 10], [20, 5]]], [2, [[0, 3]]]])
    const holes = ranges([[1, [[2, 3], [8, 4], [20, 5]]]])
    expect(subtractRanges(from, holes)).toEqual(ranges([[1, [[0, 2], [5, 3]]], [2, [[0, 3]]]]))
  })

  it('rebuilds the doc as it was just before a transaction that deleted things', () => {
    const doc = new Y.Doc({ gc: false })
    const map = doc.getMap('m')
    map.set('kept', 'yes')
    map.set('gone', 'soon')
    let before = new Map<number, number>()
    const undone: DeleteRanges = new Map()
    doc.once('afterTransaction', (tr: Y.Transaction) => {
      before = new Map(tr.beforeState)
      addDeletions(undone, tr.deleteSet)
    })
    doc.transact(() => map.delete('gone'))
    map.set('later', 'after')
    const old = Y.createDocFromSnapshot(doc, Y.decodeSnapshot(snapshotBeforeDeletions(doc, before, undone)))
    expect(old.getMap('m').toJSON()).toEqual({ kept: 'yes', gone: 'soon' })
  })
})
