/**
 * Dates and times past, in English (Welsh: dates.cy.ts). domain/i18n/format-date.ts builds a
 * date from the month names, and ui/i18n/format-relative.ts a time past from the time.*
 * messages, where the browser's Intl has no data for the language: Debian's Chromium has none
 * for Welsh, and would write a Welsh date in American English. Each list of months is twelve
 * names, January first, separated by "|".
 */
export const datesEn = {
  'date.months': 'January|February|March|April|May|June|July|August|September|October|November|December',
  'date.monthsShort': 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept|Oct|Nov|Dec',
  // Times past and to come ("5 minutes ago"), where Intl.RelativeTimeFormat lacks the language:
  // the forms CLDR gives for each plural, with its own words for yesterday, last week and the like.
  'time.past.second': '{count, plural, =0 {now} one {# second ago} other {# seconds ago}}',
  'time.past.minute': '{count, plural, =0 {this minute} one {# minute ago} other {# minutes ago}}',
  'time.past.hour': '{count, plural, =0 {this hour} one {# hour ago} other {# hours ago}}',
  'time.past.day': '{count, plural, =0 {today} =1 {yesterday} one {# day ago} other {# days ago}}',
  'time.past.week': '{count, plural, =0 {this week} =1 {last week} one {# week ago} other {# weeks ago}}',
  'time.past.month': '{count, plural, =0 {this month} =1 {last month} one {# month ago} other {# months ago}}',
  'time.past.year': '{count, plural, =0 {this year} =1 {last year} one {# year ago} other {# years ago}}',
  'time.future.second': '{count, plural, one {in # second} other {in # seconds}}',
  'time.future.minute': '{count, plural, one {in # minute} other {in # minutes}}',
  'time.future.hour': '{count, plural, one {in # hour} other {in # hours}}',
  'time.future.day': '{count, plural, =1 {tomorrow} one {in # day} other {in # days}}',
  'time.future.week': '{count, plural, =1 {next week} one {in # week} other {in # weeks}}',
  'time.future.month': '{count, plural, =1 {next month} one {in # month} other {in # months}}',
  'time.future.year': '{count, plural, =1 {next year} one {in # year} other {in # years}}'
} as const
