/**
 * Whether a title already names a date, as people write one in a board's or note's name:
 * "12 March", "12th March", "March 12", "March 2026", "12/03/2026", "12.3.26", "2026-03-12".
 * A bare number or a month name on its own ("Top 10 ideas for May") is not a date: May is
 * also a word, and a lone number is more often a count than a day.
 */

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?'

const DATE_PATTERNS: readonly RegExp[] = [
  // 12 March, 12th Mar, 3 Dec
  new RegExp(`(?:^|[^\\p{L}\\p{N}])${DAY}\\s+(?:of\\s+)?${MONTH}\\.?(?![\\p{L}])`, 'iu'),
  // March 12, Sept 3rd (the day is not followed by more digits, so "March 2026" falls to the next)
  new RegExp(`(?:^|[^\\p{L}])${MONTH}\\.?\\s+${DAY}(?![\\p{N}\\p{L}])`, 'iu'),
  // March 2026, Sept 2026
  new RegExp(`(?:^|[^\\p{L}])${MONTH}\\.?\\s+(?:19|20)\\d\\d(?!\\p{N})`, 'iu'),
  // 12/03/2026, 12.3.26, 12-03-2026 (day, month and year)
  /(?:^|[^\p{N}])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?!\p{N})/u,
  // 2026-03-12, 2026/3/12
  /(?:^|[^\p{N}])\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?!\p{N})/u
]

export const mentionsDate = (title: string): boolean => DATE_PATTERNS.some((pattern) => pattern.test(title))
