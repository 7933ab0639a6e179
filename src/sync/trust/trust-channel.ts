import * as Y from 'yjs'
import { settleAreas } from '../../crdt/trust/area-draft'
import { trustEntriesIn } from '../../crdt/trust/trust-entries-in-update'
import { updateAreas, type UpdateAreas } from '../../crdt/trust/update-areas'
import { WORKSPACE_DOC_KEY, type DocKey } from '../../domain/doc-key'
import type { WorkspaceId } from '../../domain/ids'
import { decideState as judgeState } from '../../domain/trust/change-decision'
import type { DeviceKeyId } from '../../domain/trust/membership-entry'
import { makeChangeBatcher, type OutgoingKind, type SigningLimits } from './change-batcher'
import { makeChangeCounter, type ChangeCounter } from './change-counter'
import { makeChangeGate, refuseClashingCredits, type GateRefusal } from './change-gate'
import { worthTelling } from './refused-incoming-record'
import type { IncomingRefusalReason } from '../../domain/refused-incoming'
import { signChange, verifyChange } from './change-signing'
import type { DeviceKeys, DevicePublic } from './device-keys'
import type { LiveMembership } from './membership-from-doc'
import { decodeSignedChange, MAX_SIGNED_STATE_BYTES, type SignedChange } from './signed-change'
import { signRefusal, verifyRefusal } from './signed-refusal'
import type { StateCheck, StateCheckRequest } from './state-check'
import type { StateOutcome, WaitEnd } from './state-outcome'

export type { OutgoingKind, SigningLimits }

/** How a signed message arrived, so a refusal goes back the same way. */
export interface Arrival {
  /** Sends a signed refusal back to whoever passed the change on. */
  reply(refusal: Uint8Array): void
}

export interface TrustChannelOptions {
  doc: Y.Doc
  workspaceId: WorkspaceId
  /**
   * Which of the workspace's documents `doc` is (domain/doc-key.ts): what this device signs
   * names it, and what it receives must name it (change-signing.ts). The workspace's when absent.
   */
  docKey?: DocKey
  keys: DeviceKeys
  device: DevicePublic
  membership: LiveMembership
  /**
   * Applies an accepted update to the document under the origin it came by: a WebRTC room's
   * for changes and states from peers, RELAY for what the relay delivers (not echoed back to it).
   */
  apply: (update: Uint8Array, origin: unknown) => void
  /** The origin of changes (receiveChange), and of states given without one. */
  origin?: unknown
  counter?: ChangeCounter
  /** The largest update this device signs as a change, and as a state: its transport's (change-batcher.ts). */
  limits?: SigningLimits
  /**
   * Something another device sent was refused, of the kinds a person should hear of
   * (refused-incoming-record.ts, `worthTelling`): the Sync status counts it.
   */
  onRefusedIncoming?: (reason: IncomingRefusalReason, author: DeviceKeyId | null) => void
}

export interface TrustChannel {
  readonly device: DeviceKeyId
  /** A change made on this device: signed (in batches) and handed to `onOutgoing` listeners. */
  local(update: Uint8Array): void
  /** This device's state for a peer that lacks it, signed: a compacted state (docs/trust.md). */
  signState(update: Uint8Array): Promise<Uint8Array>
  /** A signed change from another device: verified, judged, then applied or refused. */
  receiveChange(bytes: Uint8Array, arrival: Arrival): Promise<void>
  /**
   * A signed state from another device: applied (under `origin`, the channel's own when
   * absent) only as far as its signer's role allows.
   */
  receiveState(bytes: Uint8Array, origin?: unknown): Promise<StateOutcome>
  /** What the checking worker needs to check a large signed state for this document (trust/state-check.ts). */
  stateCheckRequest(bytes: Uint8Array): StateCheckRequest
  /**
   * A signed state the checking worker has checked (from stateCheckRequest(bytes)): judged and
   * applied exactly as receiveState would, without reading its bytes again on the page.
   */
  receiveCheckedState(bytes: Uint8Array, check: StateCheck, origin?: unknown): Promise<StateOutcome>
  /** A refusal from another device: shown when it is of one of this device's own changes. */
  receiveRefusal(bytes: Uint8Array): Promise<void>
  /**
   * Another device's change arrived unsigned and was dropped where it arrived (a WebRTC peer's,
   * or the relay's after its legacy window): counted for the Sync status, with no author.
   */
  refusedUnsigned(): void
  /** While an accepted change is being applied: its signed bytes, to pass on exactly as signed. */
  forwarding(): Uint8Array | null
  /** Whether the channel is applying something now (a change or a state from another device). */
  applying(): boolean
  /** This device's changes, signed: each as a change, or as a state when too large for one. */
  onOutgoing(listener: (signed: Uint8Array, kind: OutgoingKind) => void): () => void
  /** One of this device's changes was too large to send at all (`bytes`, over `largest`): it stays here. */
  onUnsent(listener: (bytes: number, largest: number) => void): () => void
  /** One of this device's own changes was refused by another device. */
  onRefused(listener: (reason: GateRefusal) => void): () => void
  /** Everything this device added so far, and every refusal it owes, has been signed and handed on. */
  flushed(): Promise<void>
  destroy(): void
}

/** Counters of this device's own recent changes, to recognise refusals of them. */
const OWN_REMEMBERED = 1_000
/** Refusals this device signs in a minute at most: a flood of refused changes costs little. */
const REFUSALS_PER_MINUTE = 30

/**
 * Where signed changes meet the workspace (docs/trust.md, "Signed changes"), whatever carries
 * them: this device's changes leave signed, and another device's reach the document only once
 * its signature, the author's role in the membership it cites and where the change lands all
 * check out. A refused change is dropped, and its sender gets a signed refusal back.
 */
export const makeTrustChannel = (options: TrustChannelOptions): TrustChannel => {
  const { doc, workspaceId, membership, device } = options
  const docKey = options.docKey ?? WORKSPACE_DOC_KEY
  /**
   * The membership log lives in the workspace document: entries found inside an artifact
   * document's update are not learnt from it (they would be entries nobody else's log has).
   */
  const entriesIn = (update: Uint8Array): [string, unknown][] => (docKey === WORKSPACE_DOC_KEY ? trustEntriesIn(update) : [])
  const outgoing = new Set<(signed: Uint8Array, kind: OutgoingKind) => void>()
  const unsentListeners = new Set<(bytes: number, largest: number) => void>()
  const refusedListeners = new Set<(reason: GateRefusal) => void>()
  const ownCounters = new Set<number>()
  const shownRefusals = new Set<number>()
  const refusing = new Set<Promise<void>>()
  let forwardingBytes: Uint8Array | null = null
  let applyingNow = false
  let refusalWindow = { start: 0, count: 0 }
  let destroyed = false

  const applyForwarding = (update: Uint8Array, bytes: Uint8Array | null, origin: unknown): void => {
    forwardingBytes = bytes
    applyingNow = true
    try {
      options.apply(update, origin)
    } finally {
      forwardingBytes = null
      applyingNow = false
    }
  }

  const refuse = async (change: SignedChange, reason: GateRefusal, arrival: Arrival): Promise<void> => {
    const now = Date.now()
    if (now - refusalWindow.start > 60_000) refusalWindow = { start: now, count: 0 }
    if (++refusalWindow.count > REFUSALS_PER_MINUTE) return
    const signed = await signRefusal(workspaceId, options.keys.signing.privateKey, {
      reason,
      counter: change.counter,
      author: change.author,
      refusedBy: device.keyId
    })
    if (!destroyed) arrival.reply(signed)
  }

  /** Another device's change or state was refused: counted for the Sync status when worth telling (not this device's own, come back). */
  const tell = (reason: GateRefusal | 'unreadable', author: DeviceKeyId | null, kind: 'change' | 'state'): void => {
    if (author !== device.keyId && worthTelling(reason, kind)) options.onRefusedIncoming?.(reason, author)
  }
  const told = (outcome: StateOutcome, author: DeviceKeyId | null): StateOutcome => {
    if (outcome.verdict === 'refuse') tell(outcome.reason, author, 'state')
    return outcome
  }

  const gate = makeChangeGate<{ bytes: Uint8Array; arrival: Arrival }>({
    doc,
    workspaceId,
    docKey,
    membership: () => membership.view(),
    apply: (update, _change, via) => applyForwarding(update, via?.bytes ?? null, options.origin),
    refuse: (change, reason, via) => {
      tell(reason, change?.author ?? null, 'change')
      if (!change || !via) return
      const signing = refuse(change, reason, via.arrival).catch(() => {})
      refusing.add(signing)
      void signing.finally(() => refusing.delete(signing))
    }
  })

  /**
   * States waiting for membership entries they cite (few: one per peer met, and the relay's
   * entries still waiting), each with what settles its `decided` and the origin it came by.
   */
  interface HeldState {
    state: SignedChange
    origin?: unknown
    /** Where it lands, against the document as it is when asked. */
    areas: () => UpdateAreas
    settle: (end: WaitEnd) => void
  }
  const heldStates: HeldState[] = []
  const MAX_HELD_STATES = 16
  const decideState = (state: SignedChange, origin: unknown, areasNow: () => UpdateAreas): StateOutcome | null => {
    const areas = areasNow()
    // Built on what this device lacks: the next exchange carries it whole.
    if (!areas.ok) return { verdict: 'unplaced' }
    const decision = refuseClashingCredits(doc, areas.credits, judgeState(membership.view(), { author: state.author, heads: state.heads, areas: areas.areas }))
    if (decision.verdict === 'wait') return null
    // A state vouches only for what its signer's role may write: anything else, and it is dropped
    // whole; its signer is not told, since what it passes on is mostly others' work.
    if (decision.verdict === 'accept') {
      applyForwarding(state.update, null, origin)
      return { verdict: 'accept' }
    }
    return { verdict: 'refuse', reason: decision.reason }
  }
  /** A state whose signature checked out: its entries learnt, then applied, refused or held. */
  const learnThenDecide = async (state: SignedChange, entries: [string, unknown][], origin: unknown, areas: () => UpdateAreas): Promise<StateOutcome> => {
    await membership.learn(entries)
    if (destroyed) return { verdict: 'refuse', reason: 'unreadable' }
    const outcome = decideState(state, origin, areas)
    if (outcome) return outcome
    // The oldest waiting state makes room: it is let go undecided, and whoever waits on it moves
    // on (the relay fetches it again once membership entries arrive: relay-connection.ts).
    if (heldStates.length >= MAX_HELD_STATES) heldStates.shift()?.settle('let-go')
    let settle = (_end: WaitEnd): void => {}
    const decided = new Promise<WaitEnd>((resolve) => (settle = resolve))
    heldStates.push({ state, origin, areas, settle })
    return { verdict: 'wait', decided }
  }
  const retryStates = (): void => {
    for (let i = heldStates.length - 1; i >= 0; i--) {
      const held = heldStates[i] as HeldState
      const outcome = decideState(held.state, held.origin, held.areas)
      if (!outcome) continue
      told(outcome, held.state.author)
      heldStates.splice(i, 1)
      held.settle('decided')
    }
  }

  const stopWatching = membership.subscribe(() => {
    gate.retry()
    retryStates()
  })

  const counter = options.counter ?? makeChangeCounter()
  const batcher = makeChangeBatcher({
    workspaceId,
    docKey,
    author: device.keyId,
    signingKey: options.keys.signing.privateKey,
    counter,
    heads: () => membership.view().current().heads,
    ...(options.limits ? { limits: options.limits } : {}),
    send: (signed, kind, sent) => {
      // A state is never answered with a refusal: only changes are remembered for one.
      if (kind === 'change') ownCounters.add(sent)
      if (ownCounters.size > OWN_REMEMBERED) ownCounters.delete(ownCounters.values().next().value as number)
      outgoing.forEach((listener) => listener(signed, kind))
    },
    unsent: (bytes, largest) => unsentListeners.forEach((listener) => listener(bytes, largest))
  })

  return {
    device: device.keyId,
    local: (update) => batcher.add(update),
    signState: (update) =>
      signChange(
        workspaceId,
        options.keys.signing.privateKey,
        {
          author: device.keyId,
          // Outside any session's order: a state is judged on its own (decideState).
          counter: 0,
          heads: membership.view().current().heads.slice(0, 16),
          update
        },
        MAX_SIGNED_STATE_BYTES,
        docKey
      ),
    async receiveChange(bytes, arrival) {
      // The entries it may cite can travel inside it (a device's first changes carry its join).
      const decoded = decodeSignedChange(bytes)
      if (decoded.ok) await membership.learn(entriesIn(decoded.change.update))
      if (destroyed) return
      await gate.receive(bytes, { bytes, arrival })
    },
    async receiveState(bytes, origin = options.origin) {
      const verified = await verifyChange(workspaceId, bytes, MAX_SIGNED_STATE_BYTES, docKey)
      if (!verified.ok) return told({ verdict: 'refuse', reason: verified.problem === 'bad-signature' ? 'bad-signature' : 'unreadable' }, null)
      if (destroyed) return { verdict: 'refuse', reason: 'unreadable' }
      const { author } = verified.change
      return told(await learnThenDecide(verified.change, entriesIn(verified.change.update), origin, () => updateAreas(doc, verified.change.update)), author)
    },
    stateCheckRequest: (bytes) => ({ signedState: bytes, workspaceId, ...(docKey === WORKSPACE_DOC_KEY ? {} : { docKey }), stateVector: Y.encodeStateVector(doc) }),
    async receiveCheckedState(bytes, check, origin = options.origin) {
      if (check.signature === 'bad') return told({ verdict: 'refuse', reason: 'bad-signature' }, null)
      // The worker checked these very bytes; their layout is read again here, without copying.
      const layout = decodeSignedChange(bytes, MAX_SIGNED_STATE_BYTES)
      if (!layout.ok || destroyed) return { verdict: 'refuse', reason: 'unreadable' }
      const { update } = layout.change
      return told(await learnThenDecide(layout.change, docKey === WORKSPACE_DOC_KEY ? check.entries : [], origin, () => settleAreas(doc, check.draft, update)), layout.change.author)
    },
    async receiveRefusal(bytes) {
      const refusal = await verifyRefusal(workspaceId, bytes)
      if (!refusal || destroyed || refusal.author !== device.keyId || !ownCounters.has(refusal.counter)) return
      // Several devices refuse the same change: say so once.
      if (shownRefusals.has(refusal.counter)) return
      shownRefusals.add(refusal.counter)
      if (shownRefusals.size > OWN_REMEMBERED) shownRefusals.delete(shownRefusals.values().next().value as number)
      refusedListeners.forEach((listener) => listener(refusal.reason))
    },
    refusedUnsigned() {
      if (!destroyed) options.onRefusedIncoming?.('unsigned', null)
    },
    forwarding: () => forwardingBytes,
    applying: () => applyingNow,
    onOutgoing(listener) {
      outgoing.add(listener)
      return () => outgoing.delete(listener)
    },
    onUnsent(listener) {
      unsentListeners.add(listener)
      return () => unsentListeners.delete(listener)
    },
    onRefused(listener) {
      refusedListeners.add(listener)
      return () => refusedListeners.delete(listener)
    },
    async flushed() {
      await batcher.flushed()
      await Promise.all([...refusing])
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      stopWatching()
      batcher.destroy()
      gate.destroy()
      outgoing.clear()
      unsentListeners.clear()
      refusedListeners.clear()
    }
  }
}
