import * as Y from 'yjs'
import type { DocKey } from '../../domain/doc-key'
import type { WorkspaceId } from '../../domain/ids'
import type { DeviceKeyId, EntryId } from '../../domain/trust/membership-entry'
import type { ChangeCounter } from './change-counter'
import { signChange } from './change-signing'
import { MAX_SIGNED_STATE_BYTES, MAX_SIGNED_UPDATE_BYTES } from './signed-change'

/** How a signed batch goes: as a change (judged in its author's order) or as a state (judged on its own). */
export type OutgoingKind = 'change' | 'state'

/**
 * The largest update signed as a change, and as a state. A transport passes its own (a WebRTC
 * room's messages are smaller than the envelopes allow: room-signing-limits.ts); by default,
 * the envelopes' own bounds (signed-change.ts).
 */
export interface SigningLimits {
  change: number
  state: number
}

export const ENVELOPE_LIMITS: SigningLimits = { change: MAX_SIGNED_UPDATE_BYTES, state: MAX_SIGNED_STATE_BYTES }

export interface ChangeBatcherOptions {
  workspaceId: WorkspaceId
  /** The document the changes are for (change-signing.ts): the workspace's when absent. */
  docKey?: DocKey
  author: DeviceKeyId
  signingKey: CryptoKey
  counter: ChangeCounter
  /** The membership heads this device has applied now: what its changes cite. */
  heads: () => readonly EntryId[]
  limits?: SigningLimits
  /** A signed batch, in order: a change, or a state when one change could not carry it. */
  send: (signed: Uint8Array, kind: OutgoingKind, counter: number) => void
  /**
   * One update larger than any state (`bytes`, over `largest`): it stays in this device's copy,
   * and nothing of it is sent; the interface says so.
   */
  unsent: (bytes: number, largest: number) => void
}

export interface ChangeBatcher {
  /** One of this device's changes, to be signed and sent. */
  add(update: Uint8Array): void
  /** Resolves once everything added so far has been signed and sent (or found too large). */
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
 *
 * A batch too large for a change goes as its updates, one by one; an update too large for a
 * change on its own (a huge paste, a long note imported in one go) goes as a signed state, which
 * may be far larger ("Large states"). It is this device's own work, so the state vouches for
 * nothing it did not write. Only an update over the state bound stays unsent, and the device
 * says so: signing never throws, and what follows is still signed.
 */
export const makeChangeBatcher = (options: ChangeBatcherOptions): ChangeBatcher => {
  const limits = options.limits ?? ENVELOPE_LIMITS
  let pending: Uint8Array[] = []
  let running: Promise<void> | null = null
  let made = 0
  let destroyed = false

  const sign = async (update: Uint8Array, kind: OutgoingKind): Promise<void> => {
    // A state stands outside the session's order (counter 0), as every signed state does.
    const counter = kind === 'change' ? options.counter.next() : 0
    const heads = [...options.heads().slice(0, 16)]
    const signed = await signChange(options.workspaceId, options.signingKey, { author: options.author, counter, heads, update }, limits[kind], options.docKey)
    made++
    if (!destroyed) options.send(signed, kind, counter)
  }

  const signOne = (update: Uint8Array): Promise<void> => {
    if (update.length <= limits.change) return sign(update, 'change')
    if (update.length <= limits.state) return sign(update, 'state')
    options.unsent(update.length, limits.state)
    return Promise.resolve()
  }

  const signNext = async (): Promise<void> => {
    while (pending.length > 0 && !destroyed) {
      const updates = pending
      pending = []
      const merged = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates)
      for (const update of merged.length <= limits.change ? [merged] : updates) await signOne(update)
    }
  }

  const start = (): void => {
    if (running || destroyed) return
    running = signNext()
      // Signing failed (the key went, WebCrypto refused): what was being signed is lost to the
      // others until the next exchange of states carries it, but the changes after it still go.
      .catch((error: unknown) => console.warn('Mutual could not sign a change:', error))
      .finally(() => {
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
