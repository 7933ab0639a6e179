import { For, Show } from 'solid-js'
import { MILESTONE_STATUS_LABELS } from '../../../domain/lab-plan/milestones'
import { FUNDING_KIND_LABELS } from '../../../domain/lab-plan/proposal'
import { planTimeline } from '../../../domain/lab-plan/timeline'
import { useLabPlan } from './plan-context'

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const tickFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' })
const asDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`)
const longDate = (iso: string): string => dayFormat.format(asDate(iso))

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
            <h3>Timeline</h3>
            <p class="hint">
              {longDate(line().start)} to {longDate(line().plannedEnd)}: {line().months} months, the length of a{' '}
              {FUNDING_KIND_LABELS[plan.plan().proposal.fundingKind].toLocaleLowerCase('en-GB')}.
              <Show when={line().startGuessed}> It starts at the first milestone until the proposal gives a start date.</Show>
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
                    {tickFormat.format(asDate(tick.date))}
                  </li>
                )}
              </For>
            </ol>
          </div>
          <ol class="plan-timeline-list">
            <For each={line().items} fallback={<li>No milestone has a date yet.</li>}>
              {(item) => (
                <li class={`status-${item.milestone.status}`}>
                  <time datetime={item.milestone.date}>{longDate(item.milestone.date)}</time> {item.milestone.title}{' '}
                  <span class="meta">({MILESTONE_STATUS_LABELS[item.milestone.status]})</span>
                  <Show when={item.late}>
                    {' '}
                    <span class="plan-warning">after the planned end</span>
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
  const day = (iso: string) => asDate(iso).getTime()
  return ((day(line.end) - day(line.plannedEnd)) / Math.max(1, day(line.end) - day(line.start))) * 100
}
