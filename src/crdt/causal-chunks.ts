import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { concatBytes } from '../domain/concat-bytes'
import { componentsDependenciesFirst } from '../domain/dependency-order'
import { sameBytes } from '../domain/same-bytes'

/**
 * Splitting a whole-workspace Yjs update into smaller updates that apply one after another,
 * each one whole, with nothing left pending.
 *
 * Why: a workspace is stored as a few big rows, and applying a two-year lab's 9 MB in one go
 * is one main-thread task of about 370 ms, during which the page cannot respond (issue 15).
 * Stored as chunks, the open applies them in separate tasks (storage/sliced-apply.ts).
 *
 * How, with Yjs's public API only:
 * - Every change is made by a client (a Y.Doc instance: in Mutual, one sitting of one device).
 *   A client's changes cite other clients' changes (the item to their left and right, the type
 *   they are in). Grouping whole clients so that each group comes after every client it cites
 *   makes each chunk apply completely: Yjs never has to hold part of it back as pending.
 * - Clients that cite each other (two people typing in the same place at the same time) form a
 *   cycle; such clients travel together, in one chunk.
 * - Each chunk is `Y.diffUpdate` of the update without its deletions, against a state vector
 *   that says "all of this already" for every client outside the chunk. (`diffUpdate` would
 *   copy every deletion into every chunk, to be applied again and again.)
 * - Each chunk is followed by the deletions of its own clients' changes, written with Yjs's
 *   own encoder: applying a two-year lab's deletions at once is itself a task of 150 ms.
 *
 * Anything unexpected (an update with gaps, a layout not as Yjs documents it) gives the update
 * back whole, which applies as before: splitting is an optimisation, never a change of content.
 */

/** A chunk of about this much content applies in a few tens of ms on a modest laptop. */
export const CHUNK_TARGET_BYTES = 400_000

/** Per struct, besides its content: ids, origins and info bytes in the V1 encoding. */
const STRUCT_OVERHEAD_BYTES = 12

/** The update's structs alone, and its deletions alone, each itself a valid update. */
interface StructsAndDeletions {
  withoutDeletions: Uint8Array
  deletionsOnly: Uint8Array
}

/**
 * A V1 update is its structs followed by its delete set. `diffUpdate` against the update's own
 * state vector writes no structs (one 0 byte) and then that same delete set: so the update ends
 * with those bytes, and its structs, followed by an empty delete set (0), are an update too.
 */
const separateDeletions = (update: Uint8Array): StructsAndDeletions | null => {
  const deletionsOnly = Y.diffUpdate(update, Y.encodeStateVectorFromUpdate(update))
  if (deletionsOnly[0] !== 0) return null
  const deleteSet = deletionsOnly.subarray(1)
  const structsEnd = update.length - deleteSet.length
  if (structsEnd < 1) return null
  for (let i = 0; i < deleteSet.length; i++) if (update[structsEnd + i] !== deleteSet[i]) return null
  const withoutDeletions = concatBytes([update.subarray(0, structsEnd), Uint8Array.of(0)])
  return { withoutDeletions, deletionsOnly }
}

interface ClientOutline {
  /** The clock after its last change in the update. */
  end: number
  /** Roughly how many bytes its changes take. */
  bytes: number
  /** Other clients whose changes it cites. */
  cites: Set<number>
}

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']

/** A deletions-only update: those of `clients`' changes, written as Yjs writes a delete set. */
const deletionsOf = (deleteSet: DeleteSet, clients: readonly number[]): Uint8Array => {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, 0) // no structs
  // Yjs writes clients from the highest id down; written the same way, the bytes can be checked.
  const withDeletions = clients.filter((client) => deleteSet.clients.has(client)).sort((a, b) => b - a)
  encoding.writeVarUint(encoder.restEncoder, withDeletions.length)
  for (const client of withDeletions) {
    const ranges = deleteSet.clients.get(client) ?? []
    encoder.resetDsCurVal()
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, ranges.length)
    for (const range of ranges) {
      encoder.writeDsClock(range.clock)
      encoder.writeDsLen(range.len)
    }
  }
  return encoder.toUint8Array()
}

/**
 * The deletions split by group (and those of clients in no group last), or null if writing
 * them all does not give back exactly the update's own deletions: a format this code does not
 * know, where the deletions then travel whole.
 */
const deletionsByGroup = (deletionsOnly: Uint8Array, groups: readonly number[][]): { perGroup: Uint8Array[]; rest: Uint8Array } | null => {
  const deleteSet = Y.decodeUpdate(deletionsOnly).ds
  const everyClient = [...deleteSet.clients.keys()]
  if (!sameBytes(deletionsOf(deleteSet, everyClient), deletionsOnly)) return null
  const grouped = new Set(groups.flat())
  return {
    perGroup: groups.map((group) => deletionsOf(deleteSet, group)),
    rest: deletionsOf(deleteSet, everyClient.filter((client) => !grouped.has(client)))
  }
}

/** An update with no structs and no deletions: [0 structs, 0 clients]. */
const isEmptyUpdate = (update: Uint8Array): boolean => update.length === 2 && update[0] === 0 && update[1] === 0

const citedClient = (reference: unknown): number | null => (reference instanceof Y.ID ? reference.client : null)

/** Each client's extent and the clients it cites; null when the update has gaps (Skip structs). */
const outlineClients = (update: Uint8Array): Map<number, ClientOutline> | null => {
  const clients = new Map<number, ClientOutline>()
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) && !(struct instanceof Y.GC)) return null
    const { client, clock } = struct.id
    let outline = clients.get(client)
    if (!outline) {
      outline = { end: 0, bytes: 0, cites: new Set() }
      clients.set(client, outline)
    }
    outline.end = Math.max(outline.end, clock + struct.length)
    outline.bytes += struct.length + STRUCT_OVERHEAD_BYTES
    if (struct instanceof Y.Item) {
      for (const reference of [struct.origin, struct.rightOrigin, struct.parent]) {
        const cited = citedClient(reference)
        if (cited !== null && cited !== client) outline.cites.add(cited)
      }
    }
  }
  return clients
}

/** Consecutive groups of clients, in dependency order, each of about `targetBytes`. */
const groupClients = (clients: Map<number, ClientOutline>, targetBytes: number): number[][] => {
  const cites = new Map<number, number[]>()
  for (const [client, outline] of clients) cites.set(client, [...outline.cites].filter((cited) => clients.has(cited)))
  const groups: number[][] = []
  let group: number[] = []
  let groupBytes = 0
  for (const component of componentsDependenciesFirst([...clients.keys()], cites)) {
    const bytes = component.reduce((sum, client) => sum + (clients.get(client)?.bytes ?? 0), 0)
    if (group.length > 0 && groupBytes + bytes > targetBytes) {
      groups.push(group)
      group = []
      groupBytes = 0
    }
    group.push(...component)
    groupBytes += bytes
  }
  if (group.length > 0) groups.push(group)
  return groups
}

/**
 * The update as chunks that, applied in order to a document holding what the update builds on,
 * each apply whole; together they are exactly the update. One chunk (the update itself) when it
 * is small or cannot be split.
 */
export const splitIntoCausalChunks = (update: Uint8Array, targetBytes = CHUNK_TARGET_BYTES): Uint8Array[] => {
  if (update.length <= targetBytes) return [update]
  const parts = separateDeletions(update)
  const clients = parts && outlineClients(update)
  if (!parts || !clients) return [update]
  const groups = groupClients(clients, targetBytes)
  if (groups.length <= 1) return [update]
  const structChunks = groups.map((group) => {
    const inGroup = new Set(group)
    // Clients outside the group are "had in full": the diff leaves them out.
    const had = new Map<number, number>()
    for (const [client, outline] of clients) if (!inGroup.has(client)) had.set(client, outline.end)
    return Y.diffUpdate(parts.withoutDeletions, Y.encodeStateVector(had))
  })
  const deletions = deletionsByGroup(parts.deletionsOnly, groups)
  const chunks = deletions
    ? [...structChunks.flatMap((chunk, i) => [chunk, deletions.perGroup[i] as Uint8Array]), deletions.rest]
    : [...structChunks, parts.deletionsOnly]
  return chunks.filter((chunk) => !isEmptyUpdate(chunk))
}
