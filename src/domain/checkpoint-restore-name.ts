/*
 * The detail of the version saved before a checkpoint is restored: "the workspace as it was at
 * 6 Dec 2026, 18:47". It is stored in English with the version's name, and read back when the
 * name is shown, so the interface can say it again in the chosen language with the time written
 * in that language. Written here by hand, not by Intl, so writer and reader agree on every
 * browser (Intl's en-GB has written September "Sep" and "Sept").
 */

import { exactLocalTime } from './exact-local-time'

const PREFIX = 'the workspace as it was at '
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const STORED = /^the workspace as it was at (\d{1,2}) ([A-Z][a-z]{2,3}) (\d{4}), (\d{2}):(\d{2})$/

const twoDigits = (n: number): string => String(n).padStart(2, '0')

/** The stored detail for a checkpoint taken at `at`, in this device's time. */
export const checkpointRestoreDetail = (at: number): string => {
  const d = new Date(at)
  return `${PREFIX}${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${twoDigits(d.getHours())}:${twoDigits(d.getMinutes())}`
}

/** When the restored checkpoint was taken, read back from a stored detail; null for any other detail. */
export const checkpointTimeOf = (detail: string): number | null => {
  const match = STORED.exec(detail)
  if (!match) return null
  const [, day, monthName, year, hours, minutes] = match.map(String)
  // "Sept" was written by Intl before this file wrote the detail itself.
  const month = MONTHS.indexOf((monthName === 'Sept' ? 'Sep' : monthName) as (typeof MONTHS)[number])
  // A date that does not exist (31 Feb, 25:00) was not written by this file.
  return exactLocalTime(Number(year), month, Number(day), Number(hours), Number(minutes))
}
