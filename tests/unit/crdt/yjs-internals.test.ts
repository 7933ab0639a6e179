import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deleteSetFromRanges, firstItemOf, holdingItemOf, keyedItemsOf, lastWrittenValueOf } from '../../../src/crdt/adapters/yjs-internals'

const pinned = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }).dependencies.yjs
const installed = (JSON.parse(readFileSync(new URL('../../../node_modules/yjs/package.json', import.meta.url), 'utf8')) as { version: string }).version

describe('the Yjs internals adapter', () => {
  it('runs against the exact yjs version it was written for', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/)
    expect(installed).toBe(pinned)
  })

  it('walks a sequence from its first item, deleted items included', () => {
    const doc = new Y.Doc({ gc: false })
    const fragment = doc.getXmlFragment('f')
    const kept = new Y.XmlElement('paragraph')
    const gone = new Y.XmlElement('heading')
    fragment.insert(0, [kept, gone])
    fragment.delete(1, 1)
    const seen: { name: string; deleted: boolean }[] = []
    for (let item = firstItemOf(fragment); item; item = item.right) {
      seen.push({ name: (item.content as Y.ContentType).type instanceof Y.XmlElement ? ((item.content as Y.ContentType).type as Y.XmlElement).nodeName : '?', deleted: item.deleted })
    }
    expect(seen).toEqual([
      { name: 'paragraph', deleted: false },
      { name: 'heading', deleted: true }
    ])
  })

  it('finds the item holding a nested type, and none for a root type', () => {
    const doc = new Y.Doc()
    const root = doc.getMap('m')
    const nested = new Y.Map()
    root.set('child', nested)
    expect(holdingItemOf(root)).toBeNull()
    const holder = holdingItemOf(nested)
    expect(holder?.parent).toBe(root)
    expect(holder?.parentSub).toBe('child')
  })

  it('lists the latest item of each key, deleted keys included', () => {
    const doc = new Y.Doc({ gc: false })
    const map = doc.getMap('m')
    map.set('a', 1)
    map.set('a', 2)
    map.set('b', 3)
    map.delete('b')
    const items = keyedItemsOf(map)
    expect([...items.keys()].sort()).toEqual(['a', 'b'])
    expect((items.get('a')?.content as Y.ContentAny).arr).toEqual([2])
    expect(items.get('a')?.left?.deleted).toBe(true)
    expect(items.get('b')?.deleted).toBe(true)
  })

  it('reads what was last written under a removed key, and under its removed nested map, in a gc: false doc', () => {
    const doc = new Y.Doc({ gc: false })
    const map = doc.getMap<Y.Map<unknown>>('m')
    const inner = new Y.Map<unknown>()
    map.set('gone', inner)
    inner.set('bytes', Uint8Array.of(1, 2, 3))
    map.delete('gone')
    const copy = new Y.Doc({ gc: false })
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const removed = lastWrittenValueOf(copy.getMap('m'), 'gone')
    expect(copy.getMap('m').has('gone')).toBe(false)
    expect(removed).toBeInstanceOf(Y.Map)
    expect(lastWrittenValueOf(removed as Y.Map<unknown>, 'bytes')).toEqual(Uint8Array.of(1, 2, 3))
    expect(lastWrittenValueOf(copy.getMap('m'), 'never')).toBeUndefined()
  })

  it('builds a delete set from plain ranges that Yjs encodes and looks up like its own', () => {
    const doc = new Y.Doc({ gc: false })
    const map = doc.getMap('m')
    map.set('a', 1)
    map.set('b', 2)
    map.delete('a')
    const own = Y.snapshot(doc).ds
    const ranges = new Map([...own.clients.entries()].map(([client, items]) => [client, items.map((i) => ({ clock: i.clock, len: i.len }))]))
    const built = deleteSetFromRanges(ranges)
    expect(Y.equalDeleteSets(built, own)).toBe(true)
    const item = keyedItemsOf(map).get('a')!
    expect(Y.isDeleted(built, item.id)).toBe(true)
    expect(Y.encodeSnapshot(Y.createSnapshot(built, Y.snapshot(doc).sv))).toEqual(Y.encodeSnapshot(Y.snapshot(doc)))
  })
})

describe('the Yjs internals adapter: items by id', () => {
  it('finds an item by any clock inside it, and nothing the document does not hold', async () => {
    const { itemAt, clockOf } = await import('../../../src/crdt/adapters/yjs-internals')
    const doc = new Y.Doc({ gc: false })
    doc.getText('t').insert(0, 'abc')
    const item = itemAt(doc, Y.createID(doc.clientID, 1))
    expect(item?.id.clock).toBe(0)
    expect(item?.length).toBe(3)
    expect(clockOf(doc, doc.clientID)).toBe(3)
    expect(itemAt(doc, Y.createID(doc.clientID, 3))).toBeNull()
    expect(itemAt(doc, Y.createID(doc.clientID + 1, 0))).toBeNull()
  })
})
