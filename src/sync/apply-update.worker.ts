/**
 * Runs untrusted input away from the page, so a crafted update that makes Yjs loop or crawl
 * only ties up this worker, which the page terminates after its time limit:
 * - the update of a changes file (bytes): decoded and applied to a scratch document here,
 *   then re-encoded by Yjs itself and sent back;
 * - the update of a workspace file or backup ({ workspaceUpdate: bytes }): the same, with what
 *   that one apply tells about it (crdt/update-facts.ts: whether it carries membership entries,
 *   and what it holds), so the page need not decode it again;
 * - a large message from a peer ({ roomMessage: bytes }): checked through to its last byte
 *   (message-guard.ts), and its kind sent back; the page then applies it once;
 * - a large update from the relay ({ clockRanges: bytes }): decoded whole, applying nothing,
 *   and the clock ranges it carries sent back (update-clock-ranges.ts); the page then applies
 *   it once, and need not decode it again to know what the relay holds;
 * - a large signed state from the relay ({ stateCheck: request }): its signature, clock ranges,
 *   membership entries and where it lands, from one decode (trust/state-check.ts); the page
 *   then only settles what its document alone can tell, and applies it once.
 */
import * as Y from 'yjs'
import { applyToScratch, type UpdateFacts } from '../crdt/update-facts'
import { WORKER_READY } from './check-worker-ready'
import { checkRoomMessage, type RoomMessageKind } from './message-guard'
import { checkSignedState, isStateCheckRequest, type StateCheck } from './trust/state-check'
import { clockRangesOf, type ClockRange } from './update-clock-ranges'

export type WorkerReply =
  | { ok: true; update: Uint8Array }
  | { ok: true; update: Uint8Array; facts: UpdateFacts }
  | { ok: true; kind: RoomMessageKind }
  | { ok: true; ranges: ClockRange[] }
  | { ok: true; state: StateCheck }
  | { ok: false; message: string }

const applyUpdate = (update: unknown): WorkerReply => {
  if (!(update instanceof Uint8Array) || update.length === 0) throw new Error('Expected the bytes of an update')
  const scratch = new Y.Doc({ gc: false })
  Y.applyUpdate(scratch, update)
  const reply: WorkerReply = { ok: true, update: Y.encodeStateAsUpdate(scratch) }
  scratch.destroy()
  return reply
}

const applyWorkspaceUpdate = (update: unknown): WorkerReply => {
  if (!(update instanceof Uint8Array) || update.length === 0) throw new Error('Expected the bytes of an update')
  return { ok: true, ...applyToScratch(update) }
}

const checkMessage = (message: unknown): WorkerReply => {
  const kind = checkRoomMessage(message)
  return kind ? { ok: true, kind } : { ok: false, message: 'A malformed message' }
}

const checkState = async (request: unknown): Promise<WorkerReply> => {
  if (!isStateCheckRequest(request)) throw new Error('Expected a signed state to check')
  return { ok: true, state: await checkSignedState(request) }
}

const readClockRanges = (update: unknown): WorkerReply => {
  if (!(update instanceof Uint8Array) || update.length === 0) throw new Error('Expected the bytes of an update')
  return { ok: true, ranges: clockRangesOf(update) }
}

// Said first, so the page can tell a worker that ran from one whose script never loaded.
postMessage({ ready: WORKER_READY })

self.onmessage = async (event: MessageEvent<unknown>) => {
  let reply: WorkerReply
  try {
    const data = event.data as { roomMessage?: unknown; clockRanges?: unknown; stateCheck?: unknown; workspaceUpdate?: unknown } | null
    if (data && typeof data === 'object' && 'stateCheck' in data) reply = await checkState(data.stateCheck)
    else if (data && typeof data === 'object' && 'workspaceUpdate' in data) reply = applyWorkspaceUpdate(data.workspaceUpdate)
    else if (data && typeof data === 'object' && 'roomMessage' in data) reply = checkMessage(data.roomMessage)
    else if (data && typeof data === 'object' && 'clockRanges' in data) reply = readClockRanges(data.clockRanges)
    else reply = applyUpdate(event.data)
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  if (reply.ok && 'update' in reply) postMessage(reply, { transfer: [reply.update.buffer] })
  else postMessage(reply)
}
