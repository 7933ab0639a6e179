/**
 * Checks untrusted input off the main thread with a time limit (apply-update.worker.ts), so a
 * crafted update can neither freeze the page nor reach the workspace half-applied: the update
 * of a changes file, re-encoded by Yjs from a scratch document (so it is structurally sound),
 * large messages from peers, checked through to their last byte, large updates from the
 * relay, decoded whole (their clock ranges sent back), and large signed states from the relay,
 * checked whole with their signature and where they land (trust/state-check.ts).
 */
import { isUpdateFacts, type UpdateFacts } from '../crdt/update-facts'
import { WORKER_READY } from './check-worker-ready'
import type { RoomMessageKind } from './message-guard'
import { readStateCheck, type StateCheck, type StateCheckRequest } from './trust/state-check'
import { isClockRanges, type ClockRange } from './update-clock-ranges'

/**
 * `unreadable`: the input is not one Yjs can read. `too-slow`: it took too long.
 * `could-not-check`: the checker itself never started (its script could not be fetched, say
 * offline before the app was saved for offline use), which says nothing about the input.
 */
export type CheckProblem = 'unreadable' | 'too-slow' | 'could-not-check'

export type CheckedUpdate = { ok: true; update: Uint8Array } | { ok: false; problem: CheckProblem }
export type CheckedWorkspaceUpdate = { ok: true; update: Uint8Array; facts: UpdateFacts } | { ok: false; problem: CheckProblem }
export type DecodedUpdate = { ok: true; ranges: ClockRange[] } | { ok: false; problem: CheckProblem }
export type CheckedState = { ok: true; state: StateCheck } | { ok: false; problem: CheckProblem }
export type CheckedMessage = { ok: true; kind: RoomMessageKind } | { ok: false; problem: CheckProblem }

/** Generous for real files (a large workspace applies in about a second), tight for loops. */
export const timeLimitFor = (bytes: number): number => 5_000 + Math.ceil(bytes / (1024 * 1024)) * 1_000

/** Whether this platform can check off the main thread (browsers; not Node, where the benchmarks' peers run). */
export const workersAvailable = (): boolean => typeof Worker === 'function'

/** A checker started ahead of the input it will check, and what it has said so far. */
interface StartingWorker {
  worker: Worker
  /** It said WORKER_READY: its script ran. */
  ready: boolean
  /** It failed before it was handed any input. */
  failed: boolean
  idleTimer: ReturnType<typeof setTimeout>
}

/** A spare checker not used within this long is let go: it was readied for input that did not come. */
const SPARE_IDLE_MS = 30_000

let spare: StartingWorker | null = null

const newCheckWorker = (): Worker => new Worker(new URL('./apply-update.worker.ts', import.meta.url), { type: 'module', name: 'mutual-check-update' })

/**
 * Starts a checker now, for large input known to be on its way (a relay's backlog): loading
 * the worker's script then overlaps the wait for that input instead of following it. Each
 * checker still checks one input only and is terminated after it, within the same time limit.
 */
export const readyCheckWorker = (): void => {
  if (spare || !workersAvailable()) return
  let worker: Worker
  try {
    worker = newCheckWorker()
  } catch {
    return
  }
  const starting: StartingWorker = {
    worker,
    ready: false,
    failed: false,
    idleTimer: setTimeout(() => {
      if (spare !== starting) return
      spare = null
      worker.terminate()
    }, SPARE_IDLE_MS)
  }
  worker.onmessage = (event: MessageEvent<unknown>) => {
    if ((event.data as Record<string, unknown> | null)?.ready === WORKER_READY) starting.ready = true
  }
  worker.onerror = (event) => {
    event.preventDefault()
    starting.failed = true
  }
  spare = starting
}

/** The spare checker when there is a sound one (and whether it has said it is ready), else a new one. */
const takeCheckWorker = (): { worker: Worker; ready: boolean } => {
  const taken = spare
  spare = null
  if (taken) {
    clearTimeout(taken.idleTimer)
    if (!taken.failed) return { worker: taken.worker, ready: taken.ready }
    taken.worker.terminate()
  }
  return { worker: newCheckWorker(), ready: false }
}

const inWorker = <T extends { ok: boolean }>(
  payload: unknown,
  timeLimitMs: number,
  read: (reply: Record<string, unknown>) => T | null
): Promise<T | { ok: false; problem: CheckProblem }> =>
  new Promise((resolve) => {
    let worker: Worker
    // An error before the worker said it was ready means its script never ran.
    let started: boolean
    try {
      ;({ worker, ready: started } = takeCheckWorker())
    } catch {
      resolve({ ok: false, problem: 'could-not-check' })
      return
    }
    let settled = false
    const finish = (result: T | { ok: false; problem: CheckProblem }): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      worker.terminate()
      resolve(result)
    }
    const timer = setTimeout(() => finish({ ok: false, problem: started ? 'too-slow' : 'could-not-check' }), timeLimitMs)
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const reply = event.data as Record<string, unknown> | null
      if (!started && reply?.ready === WORKER_READY) {
        started = true
        return
      }
      finish((reply && reply.ok === true ? read(reply) : null) ?? { ok: false, problem: 'unreadable' })
    }
    worker.onerror = (event) => {
      event.preventDefault()
      finish({ ok: false, problem: started ? 'unreadable' : 'could-not-check' })
    }
    worker.postMessage(payload)
  })

export const checkUpdateOffThread = (update: Uint8Array, timeLimitMs = timeLimitFor(update.length)): Promise<CheckedUpdate> =>
  inWorker<CheckedUpdate>(update, timeLimitMs, (reply) => (reply.update instanceof Uint8Array ? { ok: true, update: reply.update } : null))

/** The update of a workspace file or backup: checked as a changes file's is, with what that one apply tells (crdt/update-facts.ts). */
export const checkWorkspaceUpdateOffThread = (update: Uint8Array, timeLimitMs = timeLimitFor(update.length)): Promise<CheckedWorkspaceUpdate> =>
  inWorker<CheckedWorkspaceUpdate>({ workspaceUpdate: update }, timeLimitMs, (reply) =>
    reply.update instanceof Uint8Array && isUpdateFacts(reply.facts) ? { ok: true, update: reply.update, facts: reply.facts } : null
  )

const MESSAGE_KINDS = new Set<string>(['sync-step-1', 'sync-step-2', 'sync-update', 'awareness', 'awareness-query', 'bc-peer-id', 'trust-change', 'trust-state', 'trust-refusal', 'doc-message'])

export const checkMessageOffThread = (message: Uint8Array, timeLimitMs = timeLimitFor(message.length)): Promise<CheckedMessage> =>
  inWorker<CheckedMessage>({ roomMessage: message }, timeLimitMs, (reply) =>
    typeof reply.kind === 'string' && MESSAGE_KINDS.has(reply.kind) ? { ok: true, kind: reply.kind as RoomMessageKind } : null
  )

/** Decodes an update whole without applying it, and says which clock ranges it carries. */
export const decodeUpdateOffThread = (update: Uint8Array, timeLimitMs = timeLimitFor(update.length)): Promise<DecodedUpdate> =>
  inWorker<DecodedUpdate>({ clockRanges: update }, timeLimitMs, (reply) => (isClockRanges(reply.ranges) ? { ok: true, ranges: reply.ranges } : null))

/**
 * A signed state's check does more than decode it: it hashes every byte for the signature and
 * walks every struct to see where it lands, so it gets this many times a decode's time limit.
 * A state over its limit is dropped (the page never applies what was not checked), and on a
 * busy machine the plain decode's limit was seen to drop a joining device's whole lab.
 */
const STATE_CHECK_TIME_FACTOR = 3

/** Checks a large signed state whole (trust/state-check.ts): its signature and where it lands, from one decode. */
export const checkStateOffThread = (request: StateCheckRequest, timeLimitMs = STATE_CHECK_TIME_FACTOR * timeLimitFor(request.signedState.length)): Promise<CheckedState> =>
  inWorker<CheckedState>({ stateCheck: request }, timeLimitMs, (reply) => {
    const state = readStateCheck(reply.state)
    return state ? { ok: true, state } : null
  })
