import type { Locale } from '../i18n/locale'
import { OUTCOME_STATUS_LABELS, type OutcomeStatus } from './outcomes'
import { formatPlanDay } from './plan-day'

/*
 * A report's reference to a lab plan outcome (and, if chosen, one of its measures). The report
 * keeps only ids; the words are read from the plan each time, so the citation always shows
 * the outcome as it is now, and says plainly when it has been removed.
 */

export interface CitedMeasure {
  what: string
  target: string
  latestValue: string
  /** As the plan stores it: YYYY-MM-DD, or "" when not given. */
  latestDate: string
}

export type OutcomeCitation =
  | {
      kind: 'outcome'
      title: string
      status: OutcomeStatus
      /** null: the whole outcome is cited. 'removed': the cited measure has gone. */
      measure: CitedMeasure | null | 'removed'
      /** Labels of its evidence ("Note: Workshop 1", "Partner: Age UK"), as they read now. */
      evidence: string[]
    }
  | { kind: 'removed' }

/**
 * What a citation says in the report, in a screen reader, and in every export. The document
 * keeps only ids, so this is drawn afresh each time: its date reads as the interface's
 * language writes dates ("10 January 2027", "10 Ionawr 2027"), not as the plan stores it.
 */
export const citationText = (citation: OutcomeCitation, l: Locale): string => {
  if (citation.kind === 'removed') return 'Lab plan outcome: this outcome has been removed from the lab plan'
  const parts = [`Lab plan outcome: ${citation.title} (${OUTCOME_STATUS_LABELS[citation.status]})`]
  const { measure } = citation
  if (measure === 'removed') parts.push('The cited measure has been removed from the lab plan')
  else if (measure) {
    const latest = measure.latestValue ? `, latest ${measure.latestValue}${measure.latestDate ? ` on ${formatPlanDay(measure.latestDate, 'long', l)}` : ''}` : ''
    parts.push(`Measured by ${measure.what}${measure.target ? `, target ${measure.target}` : ''}${latest}`)
  }
  if (citation.evidence.length > 0) parts.push(`Evidence: ${citation.evidence.join('; ')}`)
  return parts.join('. ')
}
