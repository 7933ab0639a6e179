import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { MAX_PENCE } from '../../../src/domain/money'
import { BUDGET_CATEGORIES } from '../../../src/domain/lab-plan/budget'
import { MILESTONE_KINDS, MILESTONE_STATUSES } from '../../../src/domain/lab-plan/milestones'
import { OUTCOME_STATUSES } from '../../../src/domain/lab-plan/outcomes'
import { decodePlanRow, decodePlanRowQuickly } from '../../../src/domain/lab-plan/plan-row-decode'
import { PLAN_SECTION_SCHEMAS, PLAN_SECTIONS, type PlanSection } from '../../../src/domain/lab-plan/plan-sections'
import { MEMBERSHIP_TYPES } from '../../../src/domain/lab-plan/working-group'
import { fuzzSeeds, makeRandom } from '../../fuzz/seeded-random'

const ID = '0123456789abcdef0123456789abcdef'

/** A row each schema accepts, to vary one field at a time. */
const VALID: Record<PlanSection, Record<string, unknown>> = {
  budget: { item: 'Info-video', category: 'production', council: 'Oldham Council', planned: 400_000, committed: 0, spent: 12_345 },
  outcomes: { title: 'Residents shape support', description: 'Designed with residents.', status: 'at-risk' },
  measures: { outcomeId: ID, what: 'Interview feedback', how: 'Interviews', baseline: '0', target: '40', latestValue: '12', latestDate: '2026-02-28' },
  milestones: { title: 'Published report', kind: 'deliverable', date: '2027-01-31', council: 'Preston', status: 'planned', artifactId: '' },
  values: { name: 'Co-production', application: 'Residents co-design every workshop.' },
  members: { council: 'Kirklees Council', person: 'A person', role: 'Lead officer', membershipType: 'council' }
}

/** Every text limit the schemas set, so each is tried at, below and above its bound. */
const textLimits = (): number[] => {
  const limits = new Set<number>([0, 1])
  for (const schema of Object.values(PLAN_SECTION_SCHEMAS))
    for (const field of Object.values(schema.shape) as unknown[])
      if (field instanceof z.ZodString) for (const n of [field.maxLength, field.minLength]) if (typeof n === 'number') limits.add(n)
  return [...limits]
}

/** Values a peer might send in any field: right, nearly right and wrong. */
const candidates = (): unknown[] => {
  const strings = textLimits().flatMap((n) =>
    [n - 1, n, n + 1].filter((length) => length >= 0).flatMap((length) => ['a'.repeat(length), ` ${'b'.repeat(length)}\n`, '€'.repeat(length), '😀'.repeat(Math.ceil(length / 2))])
  )
  return [
    ...strings,
    '',
    '   ',
    ' \t',
    '\u00a0x\u00a0',
    ...BUDGET_CATEGORIES,
    ...OUTCOME_STATUSES,
    ...MILESTONE_KINDS,
    ...MILESTONE_STATUSES,
    ...MEMBERSHIP_TYPES,
    'Research',
    ' events',
    ID,
    ID.toUpperCase(),
    ID.slice(1),
    `${ID}0`,
    `${ID}\n`,
    '2026-02-28',
    '2026-02-29',
    '2028-02-29',
    '2026-13-01',
    '2026-2-1',
    ' 2026-02-28',
    '0',
    '12',
    0,
    -0,
    1,
    -1,
    1.5,
    0.1 + 0.2,
    MAX_PENCE,
    MAX_PENCE + 1,
    2 ** 53,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    null,
    undefined,
    true,
    {},
    [],
    ['a'],
    { toString: () => 'a' },
    10n
  ]
}

/** The quick checks and the schema must agree on every value: both refuse, or both accept it as the same. */
const expectSameAsSchema = (section: PlanSection, row: Record<string, unknown>): void => {
  const parsed = PLAN_SECTION_SCHEMAS[section].safeParse(row)
  const quick = decodePlanRowQuickly(section, (key) => row[key])
  if (parsed.success) expect(quick, `${section} ${JSON.stringify(row, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`).toEqual(parsed.data)
  else expect(quick, `${section} ${JSON.stringify(row, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`).toBeNull()
}

describe('reading a plan row without a zod parse', () => {
  it('accepts a well-formed row of every section quickly, as its schema reads it', () => {
    for (const section of PLAN_SECTIONS) {
      const row = VALID[section]
      expect(PLAN_SECTION_SCHEMAS[section].safeParse(row).success).toBe(true)
      expect(decodePlanRowQuickly(section, (key) => row[key])).toEqual(PLAN_SECTION_SCHEMAS[section].parse(row))
    }
  })

  it('agrees with the schema on every field given each right, nearly right and wrong value', () => {
    const values = candidates()
    for (const section of PLAN_SECTIONS)
      for (const key of Object.keys(PLAN_SECTION_SCHEMAS[section].shape))
        for (const value of values) expectSameAsSchema(section, { ...VALID[section], [key]: value })
  })

  it('agrees with the schema on rows whose fields are all drawn at random (seeded)', () => {
    const values = candidates()
    for (const seed of fuzzSeeds(20)) {
      const random = makeRandom(seed)
      for (let n = 0; n < 200; n++) {
        const section = random.pick(PLAN_SECTIONS)
        const row: Record<string, unknown> = {}
        // Most fields stay right, so rows the schema accepts are tried too, not only refusals.
        for (const key of Object.keys(PLAN_SECTION_SCHEMAS[section].shape)) row[key] = random.chance(0.7) ? VALID[section][key] : random.pick(values)
        expectSameAsSchema(section, row)
      }
    }
  })

  it('still reads a row through the schema, and leaves out one neither accepts', () => {
    const row = { ...VALID.budget, planned: 1.5 }
    expect(decodePlanRow('budget', (key) => (row as Record<string, unknown>)[key])).toBeNull()
    const padded = { ...VALID.budget, item: '  Info-video  ' }
    expect(decodePlanRow('budget', (key) => (padded as Record<string, unknown>)[key])).toMatchObject({ item: 'Info-video' })
  })
})
