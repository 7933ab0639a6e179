import { formatDateIn, type DateStyle } from '../i18n/format-date'
import type { Locale } from '../i18n/locale'
import { isCalendarDate } from './plan-ids'

// Dates of the plan are calendar days (YYYY-MM-DD): read and shown in UTC, so no time zone moves them.
export const planDay = (iso: string): Date => new Date(`${iso}T00:00:00Z`)

/**
 * A plan's day as people read dates ("1 March 2027", "1 Mawrth 2027"), not as it is stored.
 * Anything that is not a calendar day is shown as it is rather than refused.
 */
export const formatPlanDay = (iso: string, style: DateStyle, l: Locale): string =>
  isCalendarDate(iso) ? formatDateIn(planDay(iso), style, l, { utc: true }) : iso
