import { afterEach, describe, expect, it } from 'vitest'
import { PLAN_SECTION_SCHEMAS } from '../../../src/domain/lab-plan/plan-sections'
import { ProposalFormSchema } from '../../../src/domain/lab-plan/proposal'
import { parsePence } from '../../../src/domain/money'
import { localisedProblem } from '../../../src/ui/features/lab-plan/plan-problem'
import { setLocale } from '../../../src/ui/i18n/current-locale'

/**
 * Issue 16 (#12): the lab plan's forms show the domain's problems in Welsh. The domain's checks
 * stay in English (peers and files share them), so every problem they can give must be known
 * to plan-problem.ts; a new check without a Welsh message fails here.
 */
const problemsOf = (result: { success: boolean; error?: { issues: { message: string }[] } }): string[] =>
  result.success ? [] : (result.error?.issues ?? []).map((issue) => issue.message)

const tooLong = 'x'.repeat(3000)
const domainProblems = (): string[] => [
  ...Object.values(PLAN_SECTION_SCHEMAS).flatMap((schema) => {
    const keys = Object.keys(schema.shape)
    const empty = Object.fromEntries(keys.map((key) => [key, '']))
    const long = Object.fromEntries(keys.map((key) => [key, tooLong]))
    const badDates = Object.fromEntries(keys.map((key) => [key, '2026-02-31']))
    return [empty, long, badDates].flatMap((value) => problemsOf(schema.safeParse(value)))
  }),
  ...problemsOf(ProposalFormSchema.safeParse({ memberAuthority: '', leadMember: '', contactName: '', jobTitle: '', fundingKind: 'prototype', fundingAsked: 900_000, startDate: '' })),
  ...['abc', '-5', '99999999999'].flatMap((text) => {
    const parsed = parsePence(text)
    return parsed.ok ? [] : [parsed.message]
  })
]

describe('lab plan form problems in Welsh', () => {
  afterEach(() => setLocale('en'))

  it('reads every problem the plan forms can give in Welsh, and leaves English as it was', () => {
    const seen = [...new Set(domainProblems().filter((message) => /^[A-Z]/.test(message) && !message.startsWith('Invalid')))]
    expect(seen).toEqual(expect.arrayContaining(['Enter the milestone', 'Enter a real date', 'Use 200 characters or fewer', 'Enter an amount like £1,250.00']))
    setLocale('en')
    expect(seen.map(localisedProblem)).toEqual(seen)
    setLocale('cy')
    const untranslated = seen.filter((message) => localisedProblem(message) === message)
    expect(untranslated).toEqual([])
    expect(localisedProblem('A prototype can ask for up to £2,000.00')).toBe('Gall prototeip ofyn am hyd at £2,000.00')
  })
})
