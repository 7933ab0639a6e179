import { Show, createMemo } from 'solid-js'
import type { LabPlanState } from '../../../domain/lab-plan/lab-plan-state'
import { createLabPlanState, createPlainBudgetLines } from '../../../reactive/lab-plan'
import { createArtifactSummaries } from '../../../reactive/workspace-projections'
import { useActor } from '../../app-context'
import { Alert } from '../../components/Alert'
import { PageHeading } from '../../components/PageHeading'
import { createActionProblem } from '../../components/create-action-problem'
import { createAnnouncer } from '../../components/create-announcer'
import type { ArtifactViewProps } from '../workspace/artifact-views'
import { BudgetSection } from './BudgetSection'
import { ContributionsSection } from './ContributionsSection'
import { createBudgetFigures } from './create-budget-figures'
import { createEvidenceChoices } from './evidence-choices'
import { DrawnWhenIdle } from './DrawnWhenIdle'
import { MilestonesSection } from './MilestonesSection'
import { OutcomesSection } from './OutcomesSection'
import { LabPlanProvider, type LabPlanContextValue } from './plan-context'
import { PlanSummary } from './PlanSummary'
import { ProposalSection } from './ProposalSection'
import { ValuesSection } from './ValuesSection'
import { WorkingGroupSection } from './WorkingGroupSection'
import './lab-plan.css'
import { t } from '../../i18n/t'
import { shownTitle } from '../../i18n/artifact-title'
import type { ShownWords } from '../../i18n/shown-words'

/** The lab plan: the artifact view registered for kind 'lab-plan'. */
const LabPlanView = (props: ArtifactViewProps) => {
  const state = createLabPlanState(props.doc, props.artifactId)
  const summaries = createArtifactSummaries(props.doc)
  // Started by a button, a plan is titled by Mutual: shown in the reader's language until renamed.
  const title = (): ShownWords => {
    const summary = summaries().find((a) => a.id === props.artifactId)
    return summary ? shownTitle(summary, t('labPlan.title')) : { text: t('labPlan.title'), lang: undefined }
  }
  return (
    <Show
      when={state()}
      fallback={
        <section class="stack">
          <PlanHeading title={title()} />
          <p>{t('labPlan.notArrived')}</p>
        </section>
      }
    >
      {(open) => <OpenLabPlan {...props} plan={open} title={title()} />}
    </Show>
  )
}

export default LabPlanView

/** The plan's title as its page heading, marked as a person's words when they are. */
const PlanHeading = (props: { title: ShownWords }) => (
  <PageHeading title={props.title.text}>
    <span lang={props.title.lang}>{props.title.text}</span>
  </PageHeading>
)

const OpenLabPlan = (props: ArtifactViewProps & { plan: () => LabPlanState; title: ShownWords }) => {
  const actor = useActor()
  const { problem, act } = createActionProblem()
  const { message, announce } = createAnnouncer()
  const choices = createEvidenceChoices(props.doc, props.session.id)
  const context: LabPlanContextValue = {
    doc: props.doc,
    workspaceId: props.session.id,
    planId: props.artifactId,
    plan: () => props.plan(),
    budget: createBudgetFigures(createPlainBudgetLines(props.doc, props.artifactId), () => props.plan().proposal.fundingAsked),
    // Asked by every row's buttons: worked out once per change, not through the workspace's
    // read-only checks again for each of a hundred buttons as the plan opens.
    canEdit: createMemo(() => !props.readOnly && actor() !== null),
    write: (change) => {
      const me = actor()
      if (!me) return undefined
      return act(() => change(me, Date.now()))
    },
    announce
  }
  return (
    <LabPlanProvider value={context}>
      <article class="lab-plan stack">
        <PlanHeading title={props.title} />
        <Show when={problem()}>
          {(text) => (
            <Alert tone="error" title={t('labPlan.notMade')}>
              <p>{text()}</p>
            </Alert>
          )}
        </Show>
        <Show when={props.plan().unreadableRows > 0}>
          <Alert tone="info" title={t('labPlan.rowsHidden.title')}>
            <p>{t('labPlan.rowsHidden.body', { count: props.plan().unreadableRows })}</p>
          </Alert>
        </Show>
        <PlanSummary />
        <ProposalSection />
        <OutcomesSection choices={choices()} />
        <BudgetSection />
        <DrawnWhenIdle>
          <MilestonesSection choices={choices()} />
          <ValuesSection choices={choices()} />
          <WorkingGroupSection />
          <ContributionsSection />
        </DrawnWhenIdle>
        <p class="visually-hidden" role="status">
          {message()}
        </p>
      </article>
    </LabPlanProvider>
  )
}
