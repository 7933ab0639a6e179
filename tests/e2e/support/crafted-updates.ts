import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/**
 * A Yjs update that is valid to the last byte but makes Yjs loop for minutes: its delete set
 * repeats one range over all of many items, and Yjs walks every item for every range.
 */
export const craftedSlowUpdate = (items = 60_000, ranges = 60_000): Uint8Array => {
  const doc = new Y.Doc({ gc: false })
  const list = doc.getArray('crafted')
  doc.transact(() => {
    for (let i = 0; i < items; i++) list.insert(0, [i % 10])
  })
  const structs = Y.encodeStateAsUpdate(doc)
  const ds = encoding.createEncoder()
  encoding.writeVarUint(ds, 1)
  encoding.writeVarUint(ds, doc.clientID)
  encoding.writeVarUint(ds, ranges)
  for (let i = 0; i < ranges; i++) {
    encoding.writeVarUint(ds, 0)
    encoding.writeVarUint(ds, 2 ** 40)
  }
  const tail = encoding.toUint8Array(ds)
  // The update ends with an empty delete set (one zero byte): replace it with ours.
  const update = new Uint8Array(structs.length - 1 + tail.length)
  update.set(structs.subarray(0, structs.length - 1))
  update.set(tail, structs.length - 1)
  return update
}
