import type { MessageKey } from '../../../domain/i18n/catalogue'
import { FUNDING_CAPS } from '../../../domain/lab-plan/proposal'
import { formatMoney } from '../../i18n/format-money'
import { t } from '../../i18n/t'

/** The domain's fixed form problems (its zod messages and money parsing), by their English text. */
const FIXED: Readonly<Record<string, MessageKey>> = {
  'Enter a real date': 'labPlan.problem.realDate',
  'Enter the milestone': 'labPlan.problem.milestone',
  'Enter the outcome': 'labPlan.problem.outcome',
  'Enter what is measured': 'labPlan.problem.measure',
  'Enter what the money is for': 'labPlan.problem.item',
  'Enter the council or organisation': 'labPlan.problem.council',
  'Enter the value': 'labPlan.problem.value',
  'Enter an amount like £1,250.00': 'labPlan.problem.amount',
  'Enter an amount of £0 or more': 'labPlan.problem.notNegative',
  'Enter an amount of £10,000,000 or less': 'labPlan.problem.tooMuch'
}

/**
 * A problem the domain found with a plan form, in the interface language. The domain's checks
 * are shared with peers and files and stay in English; the form shows their messages through
 * here. A message not known here (a new check) shows as the domain wrote it.
 */
export const localisedProblem = (message: string): string => {
  const fixed = Object.hasOwn(FIXED, message) ? FIXED[message] : undefined
  if (fixed) return t(fixed)
  const tooLong = /^Use (\d+) characters or fewer$/.exec(message)
  if (tooLong) return t('labPlan.problem.tooLong', { max: tooLong[1] ?? '' })
  const cap = /^A (policy lab|prototype) can ask for up to /.exec(message)
  if (cap) {
    const kind = cap[1] === 'policy lab' ? 'lab' : 'prototype'
    return t('labPlan.problem.fundingCap', { kind: t(`labPlan.fundingKindInText.${kind}`), cap: formatMoney(FUNDING_CAPS[kind]) })
  }
  return message
}
