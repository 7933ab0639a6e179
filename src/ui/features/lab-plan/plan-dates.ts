import { formatDate } from '../../i18n/intl-format'

// Dates of the plan are calendar days (YYYY-MM-DD): read and shown in UTC, so no time zone moves them.
export const planDay = (iso: string): Date => new Date(`${iso}T00:00:00Z`)

/** A plan's day as people read dates ("1 March 2027", "1 Mawrth 2027"), not as it is stored. */
export const planLongDate = (iso: string): string => formatDate(planDay(iso), 'long', undefined, { utc: true })

/** A month on the timeline's scale ("Mar 2027"). */
export const planMonthYear = (iso: string): string => formatDate(planDay(iso), 'month-year', undefined, { utc: true })
