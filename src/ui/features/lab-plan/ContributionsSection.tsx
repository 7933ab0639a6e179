import { For, Show, createMemo, createSignal } from 'solid-js'
import { appendToReport, readItemContributors } from '../../../crdt/contributions'
import type { ArtifactId } from '../../../domain/ids'
import { contributionsAppendix, contributionsByCouncil, type CouncilContributions, type ItemContributors } from '../../../domain/lab-plan/contributions'
import { createArtifactSummaries, createMembers } from '../../../reactive/workspace-projections'
import { SelectField } from '../../components/SelectField'
import { useLabPlan } from './plan-context'
import { currentTranslator, t } from '../../i18n/t'

/**
 * Who wrote and changed what, by council and member, for a report's appendix. It reads the
 * whole history, so it is worked out when asked, not on every change.
 */
export const ContributionsSection = () => {
  const plan = useLabPlan()
  const members = createMembers(plan.doc)
  // What history says is read when asked; how it reads (its kinds, "Untitled", its order)
  // follows the interface's language.
  const [contributed, setContributed] = createSignal<ItemContributors[] | null>(null)
  const grouped = createMemo(() => {
    const items = contributed()
    return items ? contributionsByCouncil(items, members(), currentTranslator()) : null
  })
  const summaries = createArtifactSummaries(plan.doc)
  const reports = () => summaries().filter((a) => a.kind === 'report' && a.deletedAt === null)
  const [reportId, setReportId] = createSignal('')
  const chosenReport = () => reports().find((r) => r.id === reportId()) ?? reports()[0]
  const addToReport = (councils: CouncilContributions[]): void => {
    const report = chosenReport()
    if (!report) return
    // Stored in the report in the writer's language, now: other readers see the words as written.
    const done = plan.write((actor, now) => appendToReport(plan.doc, report.id as ArtifactId, contributionsAppendix(councils, currentTranslator()), actor, now))
    if (done) plan.announce(t('labPlan.contributions.added', { title: report.title || t('labPlan.untitled') }))
  }
  const show = (): void => {
    setContributed(readItemContributors(plan.doc))
    plan.announce(t('labPlan.contributions.listed'))
  }
  return (
    <section class="stack plan-part" aria-labelledby="plan-contributions">
      <h2 id="plan-contributions" tabindex="-1">
        {t('labPlan.contributions')}
      </h2>
      <p>{t('labPlan.contributions.intro')}</p>
      <div class="actions">
        <button type="button" class="button" onClick={show}>
          {t(grouped() ? 'labPlan.contributions.update' : 'labPlan.contributions.list')}
        </button>
      </div>
      <Show when={grouped()}>
        {(councils) => (
          <Show when={councils().length > 0} fallback={<p>{t('labPlan.contributions.none')}</p>}>
            <ul class="plan-contributions">
              <For each={councils()}>
                {(council) => (
                  <li>
                    <h3>{council.council}</h3>
                    <ul>
                      <For each={council.people}>
                        {(person) => (
                          <li>
                            <strong>{person.name}</strong>: {person.items.join('; ')}
                          </li>
                        )}
                      </For>
                    </ul>
                  </li>
                )}
              </For>
            </ul>
            <Show when={reports().length > 0} fallback={<p class="hint">{t('labPlan.contributions.startReport')}</p>}>
              <div class="plan-evidence-picker">
                <SelectField
                  label={t('labPlan.contributions.report')}
                  value={chosenReport()?.id ?? ''}
                  options={reports().map((r) => ({ value: r.id, label: r.title || t('labPlan.untitled') }))}
                  onChange={setReportId}
                />
                <button type="button" class="button" disabled={!plan.canEdit()} onClick={() => addToReport(councils())}>
                  {t('labPlan.contributions.addToReport')}
                </button>
              </div>
            </Show>
          </Show>
        )}
      </Show>
    </section>
  )
}
