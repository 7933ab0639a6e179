// Node has no Web Worker: this stand-in runs the checking worker's state check
// (trust/state-check.ts) in this process, passing everything through structured clones as
// postMessage does, and counts the checks it was asked for: proof they ran there, not on the page.
import { WORKER_READY } from '../../../src/sync/check-worker-ready'
import { checkSignedState, isStateCheckRequest } from '../../../src/sync/trust/state-check'

export const standInWorker = {
  /** How the stand-in answers: as the real worker, or with a reply that is not a check at all. */
  reply: 'as-the-worker' as 'as-the-worker' | 'garbage',
  /** State checks it was asked for. */
  requests: 0
}

export class InProcessWorker {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  constructor() {
    queueMicrotask(() => this.onmessage?.(new MessageEvent('message', { data: { ready: WORKER_READY } })))
  }
  postMessage(data: { stateCheck?: unknown }): void {
    const request = structuredClone(data.stateCheck)
    standInWorker.requests++
    const answer = async (): Promise<unknown> => {
      if (standInWorker.reply === 'garbage') return { ok: true, state: { signature: 'good', ranges: 'all of them' } }
      if (!isStateCheckRequest(request)) return { ok: false, message: 'not a state check' }
      try {
        return { ok: true, state: await checkSignedState(request) }
      } catch (error) {
        return { ok: false, message: String(error) }
      }
    }
    void answer().then((data) => this.onmessage?.(new MessageEvent('message', { data: structuredClone(data) })))
  }
  terminate(): void {}
}

const realWorker = globalThis.Worker

/** Checks run in the stand-in from now on (undo with useNoWorker). */
export const useStandInWorker = (): void => {
  globalThis.Worker = InProcessWorker as unknown as typeof Worker
}

/** Back to Node's own (no Worker), and the stand-in's answers and count reset. */
export const useNoWorker = (): void => {
  globalThis.Worker = realWorker
  standInWorker.reply = 'as-the-worker'
  standInWorker.requests = 0
}
