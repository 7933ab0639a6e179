import * as Y from 'yjs'
import type { WorkspaceId } from '../../domain/ids'
import type { DeviceKeyId, EntryId } from '../../domain/trust/membership-entry'
import type { ChangeCounter } from './change-counter'
import { signChange } from './change-signing'
import { MAX_SIGNED_UPDATE_BYTES } from './signed-change'

export interface ChangeBatcherOptions {
  workspaceId: WorkspaceId
  author: DeviceKeyId
  signingKey: CryptoKey
  counter: ChangeCounter
  /** The membership heads this device has applied now: what its changes cite. */
  heads: () => readonly EntryId[]
  /** A signed batch, in order, with the counter it was given. */
  send: (signed: Uint8Array, counter: number) => void
}

export interface ChangeBatcher {
  /** One of this device's changes, to be signed and sent. */
  add(update: Uint8Array): void
  /** Resolves once everything added so far has been signed and sent. */
  flushed(): Promise<void>
  /** How many signatures were made (a batch is one). */
  signatures(): number
  destroy(): void
}

/**
 * Signs this device's changes in batches (docs/trust.md, "Signed changes"). A change made while
 * nothing is being signed goes at once, so a keystroke waits for one signature and no timer;
 * changes made while a signature is under way are merged and signed together next. Under load
 * (typing fast on a slow machine) the cost per keystroke falls instead of queueing up.
 */
export const makeChangeBatcher = (options: ChangeBatcherOptions): ChangeBatcher => {
  let pending: Uint8Array[] = []
  let running: Promise<void> | null = null
  let made = 0
  let destroyed = false

  const signNext = async (): Promise<void> => {
    while (pending.length > 0 && !destroyed) {
      const updates = pending
      pending = []
      const update = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates)
      // Too large for one envelope (a big paste): each update goes on its own.
      const batches = update.length <= MAX_SIGNED_UPDATE_BYTES ? [update] : updates
      for (const batch of batches) {
        const counter = options.counter.next()
        const heads = options.heads().slice(0, 16)
        const signed = await signChange(options.workspaceId, options.signingKey, { author: options.author, counter, heads: [...heads], update: batch })
        made++
        if (!destroyed) options.send(signed, counter)
      }
    }
  }

  const start = (): void => {
    if (running || destroyed) return
    running = signNext().finally(() => {
      running = null
      if (pending.length > 0) start()
    })
  }

  return {
    add(update) {
      if (destroyed) return
      pending.push(update)
      start()
    },
    async flushed() {
      while (running) await running
    },
    signatures: () => made,
    destroy() {
      destroyed = true
      pending = []
    }
  }
}
