import type * as Y from 'yjs'
import { creditsClash, type AuthorshipCredit } from '../../crdt/trust/authorship-credits'
import { updateAreas } from '../../crdt/trust/update-areas'
import type { DocKey } from '../../domain/doc-key'
import type { WorkspaceId } from '../../domain/ids'
import { decideChange, type ChangeDecision, type RefusalReason } from '../../domain/trust/change-decision'
import type { EntryId } from '../../domain/trust/membership-entry'
import type { MembershipView } from '../../domain/trust/membership-view'
import { sessionOf } from './change-counter'
import { verifyChange } from './change-signing'
import type { SignedChange } from './signed-change'

/** Why a change was refused: the rules' reasons, or a signature that does not check out. */
export type GateRefusal = RefusalReason | 'bad-signature'

export interface ChangeGateOptions<Via = unknown> {
  doc: Y.Doc
  workspaceId: WorkspaceId
  /** Which of the workspace's documents `doc` is: a change signed for another is refused (change-signing.ts). */
  docKey?: DocKey
  membership: () => MembershipView
  /**
   * Applies an accepted update to the document (the transport's origin). `via` is what the
   * caller gave with the change (how it came, its bytes to pass on).
   */
  apply: (update: Uint8Array, change: SignedChange, via: Via | undefined) => void
  /** A change was dropped: tell its sender. `change` is null when it could not be read at all. */
  refuse: (change: SignedChange | null, reason: GateRefusal, via: Via | undefined) => void
}

export interface ChangeGate<Via = unknown> {
  /** A signed change from another device: checked, then applied, held or refused. */
  receive(bytes: Uint8Array, via?: Via): Promise<void>
  /** Something it may be waiting for arrived (a membership entry, another change). */
  retry(): void
  /** Changes held, waiting for what they build on. */
  held(): number
  destroy(): void
}

/**
 * A decision to accept, turned into a refusal when the update gives a client id already
 * credited to one member to another (authorship-credits.ts). Every role is held to it, in
 * changes and in states alike: the role rules let an editor's state vouch for other members'
 * records, and this is what keeps a forged credit out of such a state.
 */
export const refuseClashingCredits = (doc: Y.Doc, credits: readonly AuthorshipCredit[], decision: ChangeDecision): ChangeDecision =>
  decision.verdict === 'accept' && creditsClash(doc, credits) ? { verdict: 'refuse', reason: 'not-allowed', area: 'authorship' } : decision

/** Changes held at most: a device far behind catches up through a state sync instead. */
export const MAX_HELD_CHANGES = 2_000

/**
 * The boundary every change from another device passes (docs/trust.md, "Signed changes"): the
 * signature, then where it lands, then whether its author's role, in the membership state it
 * cites, allows that. Nothing reaches the document before all three pass. Each author's
 * changes are decided in counter order, so "heads may not go back" compares like with like.
 */
export const makeChangeGate = <Via = unknown>(options: ChangeGateOptions<Via>): ChangeGate<Via> => {
  const { doc } = options
  const held: SignedChange[] = []
  const viaOf = new WeakMap<SignedChange, Via>()
  // Per author and sending session (change-counter.ts): each tab counts its own changes.
  const lastOf = new Map<string, { counter: number; heads: readonly EntryId[] }>()
  const orderKey = (change: SignedChange): string => `${change.author}/${sessionOf(change.counter)}`
  let destroyed = false

  /** Decides one change; false when it must wait. */
  const tryDecide = (change: SignedChange): boolean => {
    const last = lastOf.get(orderKey(change))
    // Next in this author's order, or the first heard from them (a device that joined late).
    if (last && change.counter > last.counter + 1) return false
    const areas = updateAreas(doc, change.update)
    if (!areas.ok) return false
    const replay = last !== undefined && change.counter <= last.counter
    const decision = refuseClashingCredits(
      doc,
      areas.credits,
      decideChange(options.membership(), {
        author: change.author,
        heads: change.heads,
        areas: areas.areas,
        previousHeads: replay ? undefined : last?.heads
      })
    )
    if (decision.verdict === 'wait') return false
    if (!replay) lastOf.set(orderKey(change), { counter: change.counter, heads: change.heads })
    if (decision.verdict === 'accept') options.apply(change.update, change, viaOf.get(change))
    else options.refuse(change, decision.reason, viaOf.get(change))
    return true
  }

  const retry = (): void => {
    let progress = true
    while (progress && !destroyed) {
      progress = false
      for (let i = 0; i < held.length; i++) {
        if (!tryDecide(held[i] as SignedChange)) continue
        held.splice(i, 1)
        progress = true
        break
      }
    }
  }

  return {
    async receive(bytes, via) {
      const verified = await verifyChange(options.workspaceId, bytes, undefined, options.docKey)
      if (destroyed) return
      if (!verified.ok) return options.refuse(null, 'bad-signature', via)
      if (via !== undefined) viaOf.set(verified.change, via)
      if (tryDecide(verified.change)) return retry()
      if (held.length >= MAX_HELD_CHANGES) held.shift()
      held.push(verified.change)
    },
    retry,
    held: () => held.length,
    destroy() {
      destroyed = true
      held.length = 0
    }
  }
}
