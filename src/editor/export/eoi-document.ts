import type { Translate } from '../../domain/i18n/catalogue'
import { budgetTotals } from '../../domain/lab-plan/budget'
import type { LabPlanState } from '../../domain/lab-plan/lab-plan-state'
import { EOI_QUESTIONS, type EoiQuestionKey } from '../../domain/lab-plan/proposal'
import { formatPence } from '../../domain/money'
import type { JsonNode } from './document-json'
import type { ExportDocument } from './export-document'

const text = (value: string): JsonNode[] => (value ? [{ type: 'text', text: value }] : [])
const paragraph = (value: string): JsonNode => ({ type: 'paragraph', content: text(value) })
const heading = (level: 1 | 2, value: string): JsonNode => ({ type: 'heading', attrs: { level }, content: text(value) })
const cell = (type: 'tableHeader' | 'tableCell', value: string): JsonNode => ({ type, content: [paragraph(value)] })
const table = (header: readonly string[], rows: readonly (readonly string[])[]): JsonNode => ({
  type: 'table',
  content: [
    { type: 'tableRow', content: header.map((h) => cell('tableHeader', h)) },
    ...rows.map((row): JsonNode => ({ type: 'tableRow', content: row.map((v) => cell('tableCell', v)) }))
  ]
})

/** An answer as editor JSON, or one empty paragraph: the form shows every question. */
const answerBlocks = (answer: JsonNode | undefined): JsonNode[] => {
  const blocks = answer?.content ?? []
  return blocks.length > 0 ? blocks : [paragraph('')]
}

/**
 * The lab plan as a CCIN Expression of Interest: the form's header (member authority, lead
 * member, name and job title, funding asked for) as a details table, then its six questions,
 * numbered, each with the lab's answer, then the budget behind the funding asked for.
 * The form's own words (headings, labels, categories) come from `tr`, in the language the
 * interface is in, as other exports' do; what the lab wrote is never translated.
 */
export const makeEoiDocument = (
  labName: string,
  plan: LabPlanState,
  answers: Partial<Record<EoiQuestionKey, JsonNode>>,
  tr: Translate
): ExportDocument => {
  const { proposal } = plan
  const totals = budgetTotals(plan.budget)
  const person = [proposal.contactName, proposal.jobTitle].filter(Boolean).join(', ')
  const budget: JsonNode[] =
    plan.budget.length === 0
      ? []
      : [
          heading(1, tr('labPlan.budget')),
          table(
            [tr('labPlan.budget.item'), tr('labPlan.budget.category'), tr('labPlan.budget.council'), tr('labPlan.eoiFile.amount')],
            [
              ...plan.budget.map((line) => [line.item, tr(`labPlan.budgetCategory.${line.category}`), line.council, formatPence(line.planned)]),
              [tr('labPlan.budget.total'), '', '', formatPence(totals.planned)]
            ]
          )
        ]
  return {
    kind: 'note',
    title: tr('labPlan.eoiFile.title', { name: labName }),
    details: [
      { label: tr('labPlan.proposal.memberAuthority'), value: proposal.memberAuthority },
      { label: tr('labPlan.proposal.leadMember'), value: proposal.leadMember },
      { label: tr('labPlan.eoiFile.nameAndJobTitle'), value: person },
      { label: tr('labPlan.proposal.fundingKind'), value: tr(`labPlan.fundingKind.${proposal.fundingKind}`) },
      { label: tr('labPlan.eoiFile.fundingAsked'), value: formatPence(proposal.fundingAsked) }
    ],
    body: {
      type: 'doc',
      content: [
        ...EOI_QUESTIONS.flatMap((question, i) => [heading(1, `${i + 1}. ${tr(`labPlan.eoi.${question.key}`)}`), ...answerBlocks(answers[question.key])]),
        ...budget
      ]
    }
  }
}
