import { areaKey, type ChangeArea } from './change-area'
import { mayTouch } from './change-permission'
import type { DeviceKeyId, EntryId } from './membership-entry'
import type { MembershipView } from './membership-view'
import { roleOfDevice } from './membership-state'
import { atLeast } from './roles'

/** A signed change, as far as the rules need it (sync/trust/signed-change.ts has the bytes). */
export interface ChangeClaim {
  author: DeviceKeyId
  /** The membership heads its author had applied: the state it is judged against. */
  heads: readonly EntryId[]
  /** Where the change lands (crdt/trust/update-areas.ts). */
  areas: readonly ChangeArea[]
  /** What the author's previous change cited, when this device has it: heads may not go back. */
  previousHeads?: readonly EntryId[]
}

export type RefusalReason = 'not-a-member' | 'not-allowed' | 'went-back'

export type ChangeDecision =
  | { verdict: 'accept' }
  /** Cites membership entries this device does not have yet: hold it until they arrive. */
  | { verdict: 'wait'; missing: EntryId[] }
  | { verdict: 'refuse'; reason: RefusalReason; area?: string }

/**
 * Decides a change from its own claim and the entries it cites, nothing else: so every device
 * decides the same, in any arrival order, and never refuses later what it once accepted
 * (docs/trust.md, "Concurrent role changes and edits").
 */
export const decideChange = (view: MembershipView, change: ChangeClaim): ChangeDecision => judge(view, change, mayTouch)

/**
 * Decides a compacted state (a relay snapshot, or the state a peer sends on connecting): it is
 * mostly others' work, so an editor or owner vouches for all of it, other members' records
 * included (docs/trust.md, "A signed compacted state"); a viewer or commenter only for what
 * its own role may write.
 */
export const decideState = (view: MembershipView, state: Omit<ChangeClaim, 'previousHeads'>): ChangeDecision => judge(view, state, mayVouchFor)

const mayVouchFor: typeof mayTouch = (state, device, area) => {
  const role = roleOfDevice(state, device)
  if ((area.kind === 'member' || area.kind === 'authorship') && role !== null && atLeast(role, 'editor')) return true
  return mayTouch(state, device, area)
}

const judge = (view: MembershipView, change: ChangeClaim, may: typeof mayTouch): ChangeDecision => {
  const at = view.stateAt(change.heads)
  if (!at.complete) return { verdict: 'wait', missing: at.missing }
  if (change.previousHeads && !view.includes(change.heads, change.previousHeads)) return { verdict: 'refuse', reason: 'went-back' }
  const member = at.state.deviceMember.has(change.author)
  for (const area of change.areas) {
    if (may(at.state, change.author, area)) continue
    return { verdict: 'refuse', reason: member ? 'not-allowed' : 'not-a-member', area: areaKey(area) }
  }
  return { verdict: 'accept' }
}
