import type { z } from 'zod'
import { parsePence, penceToInput } from '../../../domain/money'
import { validateFields } from '../../../domain/partner'
import type { SelectOption } from '../../components/SelectField'

/** One field of a plan row's form: how it is shown and how its text becomes a value. */
export interface RowFieldSpec {
  key: string
  label: string
  kind: 'text' | 'multiline' | 'select' | 'money' | 'date'
  options?: () => readonly SelectOption[]
  hint?: string
  maxLength?: number
  required?: boolean
}

/** A stored value as the text its field shows: money as "1234.56", no £ or commas. */
export const fieldText = (spec: RowFieldSpec, value: unknown): string =>
  spec.kind === 'money' ? penceToInput(typeof value === 'number' ? value : 0) : typeof value === 'string' ? value : ''

export type RowFormResult =
  | { ok: true; value: Record<string, unknown>; touched: Record<string, unknown> }
  | { ok: false; errors: Partial<Record<string, string>> }

/**
 * Reads a row form: money from pounds into pence, every field checked by the section's
 * schema. `touched` holds only the fields that differ from what the form started from, so a
 * save writes those alone and a colleague's change to another field survives.
 */
export const readRowForm = (
  specs: readonly RowFieldSpec[],
  schema: z.ZodObject,
  texts: Readonly<Record<string, string>>,
  initial: Readonly<Record<string, unknown>>,
  fixed: Readonly<Record<string, unknown>> = {}
): RowFormResult => {
  const errors: Partial<Record<string, string>> = {}
  const candidate: Record<string, unknown> = { ...fixed }
  for (const spec of specs) {
    const text = texts[spec.key] ?? ''
    if (spec.kind !== 'money') {
      candidate[spec.key] = text
      continue
    }
    const money = parsePence(text)
    if (money.ok) candidate[spec.key] = money.pence
    else errors[spec.key] = money.message
  }
  const checked = validateFields(schema, candidate)
  if (!checked.ok || Object.keys(errors).length > 0) {
    return { ok: false, errors: { ...(checked.ok ? {} : checked.errors), ...errors } }
  }
  const touched = Object.fromEntries(specs.filter((s) => checked.value[s.key] !== initial[s.key]).map((s) => [s.key, checked.value[s.key]]))
  return { ok: true, value: checked.value, touched }
}
