import { z } from 'zod'

/** The shape of every id a plan holds (rows, evidence, artifacts): 128-bit random, lowercase hex. */
export const HEX_ID = /^[0-9a-f]{32}$/

/** Ids of a lab plan's rows (budget lines, outcomes, measures, …). */
export const PlanRowIdSchema = z.string().regex(HEX_ID, 'an id is 32 hexadecimal characters').brand<'PlanRowId'>()
export type PlanRowId = z.infer<typeof PlanRowIdSchema>
/** PlanRowIdSchema's check without a parse: ids are checked for every row of a plan as it is read. */
export const isPlanRowId = (id: unknown): id is PlanRowId => typeof id === 'string' && HEX_ID.test(id)

export const makePlanRowId = (): PlanRowId =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('') as PlanRowId

/** A plain text field of at most `n` characters, trimmed, with the message a person sees. */
export const planText = (n: number) => z.string().trim().max(n, `Use ${n} characters or fewer`)

/** "" (no date yet) or a real calendar date as YYYY-MM-DD. */
export const PlanDateSchema = z.string().refine((value) => value === '' || isCalendarDate(value), 'Enter a real date')

export const isCalendarDate = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** What an outcome's or value's evidence link points at. */
export const EVIDENCE_KINDS = ['artifact', 'partner'] as const
export const EvidenceKindSchema = z.enum(EVIDENCE_KINDS)
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>
export const EvidenceIdSchema = z.string().regex(HEX_ID)
export interface EvidenceLink {
  id: string
  kind: EvidenceKind
}
