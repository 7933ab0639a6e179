import { formatPlanDay } from '../../../domain/lab-plan/plan-day'
import { locale } from '../../i18n/current-locale'

export { planDay } from '../../../domain/lab-plan/plan-day'

/** A plan's day as people read dates ("1 March 2027", "1 Mawrth 2027"), not as it is stored. */
export const planLongDate = (iso: string): string => formatPlanDay(iso, 'long', locale())

/** A month on the timeline's scale ("Mar 2027"). */
export const planMonthYear = (iso: string): string => formatPlanDay(iso, 'month-year', locale())
