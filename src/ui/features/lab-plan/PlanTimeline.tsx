import { For, Show } from 'solid-js'
import { planTimeline } from '../../../domain/lab-plan/timeline'
import { useLabPlan } from './plan-context'
import { t } from '../../i18n/t'
import { planDay, planLongDate as longDate, planMonthYear as tickDate } from './plan-dates'
import { deliverableLabel, milestoneStatusLabel } from './plan-labels'


/**
 * The milestones on a scale across the lab's duration (two years for a lab, nine months for a
 * prototype). The drawn scale is a picture for sighted readers; the numbered list below it
 * says the same in words, and the table after it holds every detail.
 */
export const PlanTimeline = () => {
  const plan = useLabPlan()
  const timeline = () => planTimeline(plan.plan().milestones, plan.plan().proposal)
  return (
    <Show when={timeline()}>
      {(line) => (
        <figure class="plan-timeline" aria-labelledby="plan-timeline-title">
          <figcaption id="plan-timeline-title">
            <h3>{t('labPlan.timeline')}</h3>
            <p class="hint">
              {t('labPlan.timeline.span', {
                start: longDate(line().start),
                end: longDate(line().plannedEnd),
                months: line().months,
                kind: t(`labPlan.fundingKindInText.${plan.plan().proposal.fundingKind}`)
              })}
              <Show when={line().startGuessed}> {t('labPlan.timeline.startGuessed')}</Show>
            </p>
          </figcaption>
          <div class="plan-timeline-scale" aria-hidden="true">
            <div class="plan-timeline-bar">
              <Show when={line().end > line().plannedEnd}>
                <span class="plan-timeline-overrun" style={{ left: `${100 - lateShare(line())}%` }} />
              </Show>
              <For each={line().items}>
                {(item, index) => (
                  <span class={`plan-timeline-marker status-${item.milestone.status}`} style={{ left: `${item.at}%` }}>
                    {index() + 1}
                  </span>
                )}
              </For>
            </div>
            <ol class="plan-timeline-ticks">
              <For each={line().ticks}>
                {(tick) => (
                  <li class={tick.major ? 'major' : 'minor'} style={{ left: `${tick.at}%` }}>
                    {tickDate(tick.date)}
                  </li>
                )}
              </For>
            </ol>
          </div>
          <ol class="plan-timeline-list">
            <For each={line().items} fallback={<li>{t('labPlan.timeline.noneDated')}</li>}>
              {(item) => (
                <li class={`status-${item.milestone.status}`}>
                  <time datetime={item.milestone.date}>{longDate(item.milestone.date)}</time> {deliverableLabel(item.milestone.title)}{' '}
                  <span class="meta">({milestoneStatusLabel(item.milestone.status)})</span>
                  <Show when={item.late}>
                    {' '}
                    <span class="plan-warning">{t('labPlan.timeline.late')}</span>
                  </Show>
                </li>
              )}
            </For>
          </ol>
        </figure>
      )}
    </Show>
  )
}

/** The share of the scale after the planned end, to shade it. */
const lateShare = (line: { start: string; plannedEnd: string; end: string }): number => {
  const day = (iso: string) => planDay(iso).getTime()
  return ((day(line.end) - day(line.plannedEnd)) / Math.max(1, day(line.end) - day(line.start))) * 100
}
