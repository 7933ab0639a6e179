import type { ArtifactKind } from '../artifact'
import { appTitleKeys } from '../app-written-titles'
import { appWordsIn } from '../i18n/app-words'
import type { Translate } from '../i18n/catalogue'
import { INTL_TAGS, type Locale } from '../i18n/locale'
import type { OutcomeStatus } from './outcomes'
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

/** One piece of an outcome's evidence as it is now; "" where it has no name or title. */
export type CitedEvidence = { kind: 'partner'; name: string } | { kind: 'item'; itemKind: ArtifactKind; title: string }

export type OutcomeCitation =
  | {
      kind: 'outcome'
      title: string
      status: OutcomeStatus
      /** null: the whole outcome is cited. 'removed': the cited measure has gone. */
      measure: CitedMeasure | null | 'removed'
      evidence: CitedEvidence[]
    }
  | { kind: 'removed' }

/** "Note: Workshop 1", "Partner: Age UK": the kind in the reader's language, the name as written. */
const evidenceLabel = (evidence: CitedEvidence, tr: Translate): string => {
  if (evidence.kind === 'partner') return tr('labPlan.partnerChoice', { name: evidence.name || tr('citeOutcome.says.unnamedPartner') })
  // A title Mutual gave (a lab plan's "Lab plan") reads in the reader's language; a person's as typed.
  const title = evidence.title ? (appWordsIn(evidence.title, appTitleKeys(evidence.itemKind), tr) ?? evidence.title) : tr('labPlan.untitled')
  return tr('citeOutcome.says.item', { kind: tr(`kind.${evidence.itemKind}.one`), title })
}

const latestText = (measure: CitedMeasure, tr: Translate, l: Locale): string => {
  if (!measure.latestValue) return ''
  if (!measure.latestDate) return tr('citeOutcome.says.latest', { value: measure.latestValue })
  return tr('citeOutcome.says.latestOn', { value: measure.latestValue, date: formatPlanDay(measure.latestDate, 'long', l) })
}

/**
 * What a citation says in the report, in a screen reader, and in every export. The document
 * keeps only ids, so this is drawn afresh each time, in the language `tr` speaks and `l` names
 * (the interface's in the editor, the export's in a file): Mutual's words ("Lab plan outcome",
 * the status, "Measured by", the kinds of evidence) and the date in it; what people wrote in the
 * plan (the outcome, the measure, titles and names) as they wrote it.
 */
export const citationText = (citation: OutcomeCitation, tr: Translate, l: Locale): string => {
  if (citation.kind === 'removed') return tr('citeOutcome.says.removed')
  const parts = [tr('citeOutcome.says.outcome', { title: citation.title, status: tr(`labPlan.outcomeStatus.${citation.status}`) })]
  const { measure } = citation
  if (measure === 'removed') parts.push(tr('citeOutcome.says.measureRemoved'))
  else if (measure) {
    const target = measure.target ? tr('citeOutcome.says.target', { target: measure.target }) : ''
    parts.push(tr('citeOutcome.says.measure', { what: measure.what, target, latest: latestText(measure, tr, l) }))
  }
  if (citation.evidence.length > 0) {
    const labels = citation.evidence.map((evidence) => evidenceLabel(evidence, tr)).sort((a, b) => a.localeCompare(b, INTL_TAGS[l]))
    parts.push(tr('citeOutcome.says.evidence', { list: labels.join('; ') }))
  }
  return parts.join('. ')
}
