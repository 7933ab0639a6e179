import { byDate, type Milestone } from './milestones'
import type { FundingKind } from './proposal'

/** How long CCIN funds a project for: about two years for a lab, nine months for a prototype. */
export const DURATION_MONTHS: Record<FundingKind, number> = { lab: 24, prototype: 9 }

export interface TimelineTick {
  /** YYYY-MM-01 */
  date: string
  /** Where it sits along the scale, 0 to 100. */
  at: number
  /** Every other tick is minor: a narrow screen shows only the major ones, so labels never collide. */
  major: boolean
}

export interface TimelineItem {
  milestone: Milestone
  at: number
  /** After the end of the planned duration: the scale stretches to show it, and says so. */
  late: boolean
}

export interface PlanTimeline {
  start: string
  /** The planned end: start plus the duration. */
  plannedEnd: string
  /** The end of the scale: the planned end, or the last milestone if that is later. */
  end: string
  months: number
  /** True when the start is the first milestone's date, because the proposal has none. */
  startGuessed: boolean
  ticks: TimelineTick[]
  items: TimelineItem[]
}

/** Days since 1970-01-01 of a YYYY-MM-DD date, on the calendar alone (no time zones). */
const dayNumber = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000)
}

const isoDay = (utc: number): string => new Date(utc).toISOString().slice(0, 10)

/** `date` plus `months` calendar months; a day past the month's end falls back to its last day. */
export const addMonths = (date: string, months: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate()
  return isoDay(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)))
}

/** The first of each month (every month for a short scale, every quarter for a long one) within the scale. */
const makeTicks = (start: string, end: string, months: number, place: (date: string) => number): TimelineTick[] => {
  const step = months > 12 ? 3 : 1
  const ticks: TimelineTick[] = []
  const [y, m] = start.split('-').map(Number) as [number, number]
  for (let i = 0; i <= months + 12 && ticks.length < 60; i += step) {
    const date = isoDay(Date.UTC(y, m - 1 + i, 1))
    if (date < start) continue
    if (date > end) break
    ticks.push({ date, at: place(date), major: ticks.length % 2 === 0 })
  }
  return ticks
}

/**
 * The plan's dated milestones on a scale that spans the lab's duration from its start date
 * (or, with none set, from the first milestone). Null when nothing is dated and no start is
 * set: there is nothing to place.
 */
export const planTimeline = (
  milestones: readonly Milestone[],
  proposal: { startDate: string; fundingKind: FundingKind }
): PlanTimeline | null => {
  const dated = byDate(milestones).filter((m) => m.date !== '')
  const start = proposal.startDate || dated[0]?.date
  if (!start) return null
  const months = DURATION_MONTHS[proposal.fundingKind]
  const plannedEnd = addMonths(start, months)
  const last = dated.at(-1)?.date ?? plannedEnd
  const end = last > plannedEnd ? last : plannedEnd
  const first = dayNumber(start)
  const span = Math.max(1, dayNumber(end) - first)
  // A milestone dated before the start is pinned to the start of the scale, not drawn off it.
  const place = (date: string): number => Math.min(100, Math.max(0, ((dayNumber(date) - first) / span) * 100))
  return {
    start,
    plannedEnd,
    end,
    months,
    startGuessed: proposal.startDate === '',
    ticks: makeTicks(start, end, months, place),
    items: dated.map((milestone) => ({ milestone, at: place(milestone.date), late: milestone.date > plannedEnd }))
  }
}
