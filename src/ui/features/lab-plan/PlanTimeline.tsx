import { For, Show } from 'solid-js'
import { planTimeline } from '../../../domain/lab-plan/timeline'
import { useLabPlan } from './plan-context'
import { t } from '../../i18n/t'
import { INTL_TAGS, type Locale } from '../../../domain/i18n/locale'
import { locale } from '../../i18n/current-locale'
import { deliverableLabel, milestoneStatusLabel } from './plan-labels'

// Dates of the plan are calendar days (YYYY-MM-DD): read and shown in UTC, so no time zone moves them.
const dayFormats = new Map<Locale, Intl.DateTimeFormat>()
const tickFormats = new Map<Locale, Intl.DateTimeFormat>()
const formatIn = (made: Map<Locale, Intl.DateTimeFormat>, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const l = locale()
  let format = made.get(l)
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_TAGS[l], { ...options, timeZone: 'UTC' })
    made.set(l, format)
  }
  return format
}
const asDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`)
const longDate = (iso: string): string => formatIn(dayFormats, { day: 'numeric', month: 'long', year: 'numeric' }).format(asDate(iso))
const tickDate = (iso: string): string => formatIn(tickFormats, { month: 'short', year: '2-digit' }).format(asDate(iso))

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
  const day = (iso: string) => asDate(iso).getTime()
  return ((day(line.end) - day(line.plannedEnd)) / Math.max(1, day(line.end) - day(line.start))) * 100
}
