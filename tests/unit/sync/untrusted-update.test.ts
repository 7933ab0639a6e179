import { afterEach, describe, expect, it } from 'vitest'
import { WORKER_READY } from '../../../src/sync/check-worker-ready'
import { checkUpdateOffThread, checkWorkspaceUpdateOffThread } from '../../../src/sync/untrusted-update'
import { applyToScratch } from '../../../src/crdt/update-facts'
import { addTrustEntry } from '../../../src/crdt/trust/trust-root'
import * as Y from 'yjs'
import { newWorkspace } from '../fixtures/workspace'

/**
 * How the page tells a worker that never started (its script could not be fetched: offline
 * before the app was saved for offline use) from one that started and failed on the file.
 * Node has no Web Worker, so a stand-in behaves as the browser's does in each case: a script
 * that cannot load fires `error` with no message first; a started worker says it is ready.
 */
type Behaviour = 'fails-to-load' | 'throws-on-create' | 'starts-then-crashes' | 'starts-then-replies' | 'checks-as-the-worker-does'

const standIn = (behaviour: Behaviour) =>
  class {
    onmessage: ((event: MessageEvent<unknown>) => void) | null = null
    onerror: ((event: Event) => void) | null = null
    constructor() {
      if (behaviour === 'throws-on-create') throw new DOMException('Blocked', 'SecurityError')
      queueMicrotask(() => {
        if (behaviour === 'fails-to-load') this.onerror?.(new Event('error'))
        else this.onmessage?.(new MessageEvent('message', { data: { ready: WORKER_READY } }))
      })
    }
    postMessage(update: Uint8Array | { workspaceUpdate: Uint8Array }): void {
      setTimeout(() => {
        if (behaviour === 'starts-then-crashes') this.onerror?.(new Event('error'))
        if (behaviour === 'starts-then-replies') this.onmessage?.(new MessageEvent('message', { data: { ok: true, update } }))
        // apply-update.worker.ts's answer to a workspace file's update, from its one scratch apply.
        if (behaviour === 'checks-as-the-worker-does' && 'workspaceUpdate' in update) {
          this.onmessage?.(new MessageEvent('message', { data: { ok: true, ...applyToScratch(update.workspaceUpdate) } }))
        }
      }, 0)
    }
    terminate(): void {}
  }

const realWorker = globalThis.Worker
afterEach(() => {
  globalThis.Worker = realWorker
})

describe('checking an update off the page', () => {
  it('reports a checker that could not load or start as such, not as a damaged file', async () => {
    for (const behaviour of ['fails-to-load', 'throws-on-create'] as const) {
      globalThis.Worker = standIn(behaviour) as unknown as typeof Worker
      expect(await checkUpdateOffThread(new Uint8Array([1, 2]), 60_000), behaviour).toEqual({ ok: false, problem: 'could-not-check' })
    }
  })

  it('still reports a worker that started and then failed on the file as unreadable', async () => {
    globalThis.Worker = standIn('starts-then-crashes') as unknown as typeof Worker
    expect(await checkUpdateOffThread(new Uint8Array([1, 2]), 60_000)).toEqual({ ok: false, problem: 'unreadable' })
    globalThis.Worker = standIn('starts-then-replies') as unknown as typeof Worker
    expect(await checkUpdateOffThread(new Uint8Array([1, 2]), 60_000)).toEqual({ ok: true, update: new Uint8Array([1, 2]) })
  })

  it('hands back what the check learnt of a workspace update, and takes no reply without it', async () => {
    const doc = newWorkspace()
    globalThis.Worker = standIn('checks-as-the-worker-does') as unknown as typeof Worker
    const without = await checkWorkspaceUpdateOffThread(Y.encodeStateAsUpdate(doc), 60_000)
    expect(without.ok && without.facts.members).toBe(false)
    addTrustEntry(doc, 'entry-1', new Uint8Array([1, 2, 3]))
    const withMembers = await checkWorkspaceUpdateOffThread(Y.encodeStateAsUpdate(doc), 60_000)
    expect(withMembers.ok && withMembers.facts.members).toBe(true)
    expect(withMembers.ok && withMembers.update).toEqual(Y.encodeStateAsUpdate(doc))
    // A reply with the update alone says nothing of members: not taken as a check.
    globalThis.Worker = standIn('starts-then-replies') as unknown as typeof Worker
    expect(await checkWorkspaceUpdateOffThread(Y.encodeStateAsUpdate(doc), 60_000)).toEqual({ ok: false, problem: 'unreadable' })
  })
})
