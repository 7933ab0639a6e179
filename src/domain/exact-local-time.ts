/**
 * The local time of a date and time read back from stored text, or null when no such time
 * exists (31 Feb, 25:00, a month not found): `Date` would roll those over into another day,
 * and text that names one was not written by the app.
 */
export const exactLocalTime = (year: number, monthIndex: number, day: number, hours = 0, minutes = 0): number | null => {
  if (monthIndex < 0) return null
  const at = new Date(year, monthIndex, day, hours, minutes)
  const exact = at.getDate() === day && at.getMonth() === monthIndex && at.getHours() === hours && at.getMinutes() === minutes
  return exact ? at.getTime() : null
}
