/*
 * The detail of the version saved before an item or the lab's details are restored to an
 * earlier version (crdt/versions.ts): "“Site visit” to “Start of 11 July 2026”", "the lab’s
 * details to “Before review”". It is stored in English with the version's name, and read back
 * here so that the interface can say it again in the chosen language: the item's title and a
 * person's name for a version stay as written; a day's automatic version is named again.
 */

import { exactLocalTime } from './exact-local-time'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const
// The title ends at the first “ to ”: the version's name may itself be an automatic one that
// holds another (“Site visit” to “Before restoring “Site visit” to “Start of 11 July 2026””).
const ITEM = /^“(.*?)” to “(.*)”$/s
const DETAILS = /^the lab’s details to “(.*)”$/s
const START_OF_DAY = /^Start of (\d{1,2}) ([A-Z][a-z]+) (\d{4})$/

/** The version restored to: a day's automatic version (its day, local midnight) or a name as written. */
export type RestoredVersionName = { startOfDay: number } | { name: string }

export type RestoreDetail =
  | { restored: 'item'; title: string; to: RestoredVersionName }
  | { restored: 'details'; to: RestoredVersionName }

/** A day's automatic version as crdt/daily-versions.ts names it (domain/version.ts), or the name as written. */
const readVersionName = (name: string): RestoredVersionName => {
  const match = START_OF_DAY.exec(name)
  if (!match) return { name }
  const [, day, monthName, year] = match.map(String)
  // A day that does not exist (31 June) was not written by the app: kept as written.
  const startOfDay = exactLocalTime(Number(year), MONTHS.indexOf(monthName as (typeof MONTHS)[number]), Number(day))
  return startOfDay === null ? { name } : { startOfDay }
}

/** What a stored restore detail says, or null for any other detail (shown as stored). */
export const readRestoreDetail = (detail: string): RestoreDetail | null => {
  const item = ITEM.exec(detail)
  if (item) return { restored: 'item', title: item[1] as string, to: readVersionName(item[2] as string) }
  const details = DETAILS.exec(detail)
  if (details) return { restored: 'details', to: readVersionName(details[1] as string) }
  return null
}
