import { updateProposal } from '../../../crdt/lab-plan-rows'
import { FUNDING_KIND_LABELS, ProposalFormSchema, type ProposalFields } from '../../../domain/lab-plan/proposal'
import { useLabPlan } from './plan-context'
import { EoiAnswers } from './EoiAnswers'
import { EoiExportButton } from './EoiExportButton'
import { PlanRowForm } from './PlanRowForm'
import type { RowFieldSpec } from './row-form-fields'
import { t } from '../../i18n/t'
import { fundingKindLabel, localisedOptions } from './plan-labels'

const specs = (): readonly RowFieldSpec[] => [
  { key: 'memberAuthority', label: t('labPlan.proposal.memberAuthority'), kind: 'text', maxLength: 160, hint: t('labPlan.proposal.memberAuthority.hint') },
  { key: 'leadMember', label: t('labPlan.proposal.leadMember'), kind: 'text', maxLength: 160, hint: t('labPlan.proposal.leadMember.hint') },
  { key: 'contactName', label: t('labPlan.proposal.contactName'), kind: 'text', maxLength: 120 },
  { key: 'jobTitle', label: t('labPlan.proposal.jobTitle'), kind: 'text', maxLength: 120 },
  { key: 'fundingKind', label: t('labPlan.proposal.fundingKind'), kind: 'select', options: () => localisedOptions(FUNDING_KIND_LABELS, fundingKindLabel) },
  { key: 'startDate', label: t('labPlan.proposal.startDate'), kind: 'date', hint: t('labPlan.proposal.startDate.hint') },
  { key: 'fundingAsked', label: t('labPlan.proposal.fundingAsked'), kind: 'money', hint: t('labPlan.proposal.fundingAsked.hint') }
]

/** The Expression of Interest: its header fields, its six questions, and the Word export. */
export const ProposalSection = () => {
  const plan = useLabPlan()
  return (
    <section class="stack plan-part plan-proposal" aria-labelledby="plan-proposal">
      <h2 id="plan-proposal" tabindex="-1">
        {t('labPlan.proposal')}
      </h2>
      <PlanRowForm
        heading={t('labPlan.proposal.eoi')}
        specs={specs()}
        schema={ProposalFormSchema}
        values={plan.plan().proposal}
        submitLabel={t('labPlan.proposal.save')}
        onSubmit={(_, touched) => {
          const done = plan.write((actor, now) => updateProposal(plan.doc, plan.planId, touched as Partial<ProposalFields>, actor, now)) ?? false
          if (done) plan.announce(t('labPlan.proposal.saved'))
          return done
        }}
      />
      <h3>{t('labPlan.sixQuestions')}</h3>
      <EoiAnswers />
      <EoiExportButton />
    </section>
  )
}
