import { MAX_CANDIDATE_CLIENTS } from '../../crdt/trust/authorship-credits'
import * as Y from 'yjs'
import { z } from 'zod'
import { draftAreas, type AreaDraft } from '../../crdt/trust/area-draft'
import { trustEntriesAmong } from '../../crdt/trust/trust-entries-in-update'
import { DocKeySchema, type DocKey } from '../../domain/doc-key'
import type { WorkspaceId } from '../../domain/ids'
import type { ChangeArea } from '../../domain/trust/change-area'
import { clockRangesAmong, isClockRanges, type ClockRange } from '../update-clock-ranges'
import { verifyChange } from './change-signing'
import { decodeSignedChange, MAX_SIGNED_STATE_BYTES } from './signed-change'

/**
 * A large signed state (a whole workspace from the relay) checked in one pass away from the
 * page (sync/apply-update.worker.ts): its Yjs bytes decoded whole once, and from that one
 * decode the clock ranges it carries, the membership entries inside it, its signature, and
 * where it lands against the receiving document's state vector (crdt/trust/area-draft.ts).
 * The page is handed only these verdict inputs: it then learns the entries, settles the few
 * areas only its document can tell, judges the signer's role and applies the update, once.
 */
export interface StateCheckRequest {
  signedState: Uint8Array
  workspaceId: WorkspaceId
  /** The document the state is to be applied to (change-signing.ts): the workspace's when absent. */
  docKey?: DocKey
  /** Y.encodeStateVector of the receiving document when the check was asked for. */
  stateVector: Uint8Array
}

export type StateCheck =
  /** The signature does not check out: the state is refused, though the relay holds its ranges. */
  | { signature: 'bad'; ranges: ClockRange[] }
  | { signature: 'good'; ranges: ClockRange[]; entries: [string, Uint8Array][]; draft: AreaDraft }

/** Throws when the state is not one this device can read (its layout, or its Yjs bytes). */
export const checkSignedState = async (request: StateCheckRequest): Promise<StateCheck> => {
  const layout = decodeSignedChange(request.signedState, MAX_SIGNED_STATE_BYTES)
  if (!layout.ok) throw new Error(`A signed state that does not read (${layout.problem})`)
  if (layout.change.update.length === 0) throw new Error('An empty update')
  // Y.decodeUpdate reads every struct and the delete set: it throws on anything short of a whole update.
  const decoded = Y.decodeUpdate(layout.change.update)
  const ranges = clockRangesAmong(decoded.structs)
  const verified = await verifyChange(request.workspaceId, request.signedState, MAX_SIGNED_STATE_BYTES, request.docKey)
  if (!verified.ok) return { signature: 'bad', ranges }
  return { signature: 'good', ranges, entries: trustEntriesAmong(decoded.structs), draft: draftAreas(decoded, request.stateVector) }
}

/** Whether a value (a worker's request) asks for a state check. */
export const isStateCheckRequest = (value: unknown): value is StateCheckRequest => {
  const request = value as Partial<StateCheckRequest> | null
  return (
    typeof request === 'object' &&
    request !== null &&
    request.signedState instanceof Uint8Array &&
    request.stateVector instanceof Uint8Array &&
    typeof request.workspaceId === 'string' &&
    (request.docKey === undefined || DocKeySchema.safeParse(request.docKey).success)
  )
}

// The worker's reply, read on the page as anything else that crosses a boundary.
const keys = z.array(z.string().nullable()).max(256)
const AreaSchema: z.ZodType<ChangeArea> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('content') }),
  z.object({ kind: z.literal('comments') }),
  z.object({ kind: z.literal('member'), memberId: z.string() }),
  z.object({ kind: z.literal('authorship'), memberId: z.string() }),
  z.object({ kind: z.literal('board'), boardId: z.string() }),
  z.object({ kind: z.literal('trust') }),
  z.object({ kind: z.literal('trust-rewrite') })
])
const count = z.number().int().nonnegative()
const LaterSchema = z.discriminatedUnion('check', [
  z.object({ check: z.literal('place'), client: count, clock: count, keys, deleting: z.boolean(), clients: z.array(count).max(MAX_CANDIDATE_CLIENTS).optional() }),
  z.object({ check: z.literal('trust-key'), key: z.string(), area: AreaSchema }),
  z.object({ check: z.literal('deleted'), client: count, clock: count, end: count })
])
const DraftSchema = z.object({
  stateVector: z.instanceof(Uint8Array),
  areas: z.union([
    z.object({ ok: z.literal(true), areas: z.array(AreaSchema), later: z.array(LaterSchema), credits: z.array(z.object({ memberId: z.string(), client: count })) }),
    z.object({ ok: z.literal(false), missing: z.literal(true) })
  ])
})
const StateCheckSchema = z.union([
  z.object({ signature: z.literal('bad'), ranges: z.custom<ClockRange[]>(isClockRanges) }),
  z.object({
    signature: z.literal('good'),
    ranges: z.custom<ClockRange[]>(isClockRanges),
    entries: z.array(z.tuple([z.string(), z.instanceof(Uint8Array)])),
    draft: DraftSchema
  })
])

/** The worker's reply as a StateCheck, or null when it is not one. */
export const readStateCheck = (value: unknown): StateCheck | null => {
  const parsed = StateCheckSchema.safeParse(value)
  return parsed.success ? (parsed.data as StateCheck) : null
}
