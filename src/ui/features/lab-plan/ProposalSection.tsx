import { updateProposal } from '../../../crdt/lab-plan-rows'
import { FUNDING_KIND_LABELS, ProposalFormSchema, type ProposalFields } from '../../../domain/lab-plan/proposal'
import { optionsFrom } from '../../components/SelectField'
import { useLabPlan } from './plan-context'
import { EoiAnswers } from './EoiAnswers'
import { EoiExportButton } from './EoiExportButton'
import { PlanRowForm } from './PlanRowForm'
import type { RowFieldSpec } from './row-form-fields'

const SPECS: readonly RowFieldSpec[] = [
  { key: 'memberAuthority', label: 'Member authority', kind: 'text', maxLength: 160, hint: 'The council putting the proposal forward' },
  { key: 'leadMember', label: 'Lead member', kind: 'text', maxLength: 160, hint: 'The councillor who leads on it' },
  { key: 'contactName', label: 'Name', kind: 'text', maxLength: 120 },
  { key: 'jobTitle', label: 'Job title', kind: 'text', maxLength: 120 },
  { key: 'fundingKind', label: 'Kind of project', kind: 'select', options: () => optionsFrom(FUNDING_KIND_LABELS) },
  { key: 'startDate', label: 'Start date', kind: 'date', hint: 'The timeline runs from here: about two years for a policy lab, nine months for a prototype.' },
  { key: 'fundingAsked', label: 'Funding asked for (£)', kind: 'money', hint: 'Up to £10,000 for a policy lab, £2,000 for a prototype. The budget is checked against it.' }
]

/** The Expression of Interest: its header fields, its six questions, and the Word export. */
export const ProposalSection = () => {
  const plan = useLabPlan()
  return (
    <section class="stack plan-part plan-proposal" aria-labelledby="plan-proposal">
      <h2 id="plan-proposal" tabindex="-1">
        Proposal
      </h2>
      <PlanRowForm
        heading="Expression of Interest"
        specs={SPECS}
        schema={ProposalFormSchema}
        values={plan.plan().proposal}
        submitLabel="Save proposal"
        onSubmit={(_, touched) => {
          const done = plan.write((actor, now) => updateProposal(plan.doc, plan.planId, touched as Partial<ProposalFields>, actor, now)) ?? false
          if (done) plan.announce('Proposal saved.')
          return done
        }}
      />
      <h3>The six questions</h3>
      <EoiAnswers />
      <EoiExportButton />
    </section>
  )
}
