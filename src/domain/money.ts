/*
 * Money is whole pence (integers) everywhere: typed amounts are read digit by digit, never
 * through floating point, so "£0.10 + £0.20" is 30 pence and 300 budget lines add up exactly.
 */

/** The largest single amount accepted: £10 million, far beyond any lab, well inside safe integers. */
export const MAX_PENCE = 1_000_000_000
/** Longer than any real amount; a pasted essay is refused before any parsing. */
const MAX_INPUT_LENGTH = 32

/** `rounded`: the amount typed had a fraction of a penny, so `pence` is not exactly what was typed. */
export type PenceParse = { ok: true; pence: number; rounded: boolean } | { ok: false; message: string }

/** "1,234.56" with commas only between groups of three; the pounds part may be bare. */
const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/

/**
 * Reads a typed amount ("£1,234.56", "1234.5", "£10,000", "0.995") into whole pence. Empty is
 * £0. More than two decimal places round half up to the penny ("1.005" is 101 pence), worked
 * out on the digits so it never suffers binary rounding (1.005 * 100 is 100.4999… in floats).
 * The result says when that happened, so a form can tell the person what it will keep.
 */
export const parsePence = (input: string): PenceParse => {
  if (input.length > MAX_INPUT_LENGTH) return { ok: false, message: 'Enter an amount like £1,250.00' }
  if (input.trim() === '') return { ok: true, pence: 0, rounded: false }
  const text = input.trim().replace(/^£\s*/, '')
  if (text.startsWith('-')) return { ok: false, message: 'Enter an amount of £0 or more' }
  const match = AMOUNT.exec(text)
  if (!match || (match[1] === undefined && !match[2])) return { ok: false, message: 'Enter an amount like £1,250.00' }
  const pounds = Number((match[1] ?? '0').replaceAll(',', ''))
  const decimals = match[2] ?? ''
  const wholePence = Number(decimals.slice(0, 2).padEnd(2, '0'))
  const roundUp = decimals.length > 2 && Number(decimals[2]) >= 5 ? 1 : 0
  const pence = pounds * 100 + wholePence + roundUp
  if (!Number.isSafeInteger(pence) || pence > MAX_PENCE) return { ok: false, message: 'Enter an amount of £10,000,000 or less' }
  return { ok: true, pence, rounded: /[1-9]/.test(decimals.slice(2)) }
}

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** "£1,234.56"; a negative amount reads "-£12.00". */
export const formatPence = (pence: number): string => {
  const sign = pence < 0 ? '-' : ''
  const whole = Math.abs(pence)
  return `${sign}£${groupThousands(String(Math.floor(whole / 100)))}.${String(whole % 100).padStart(2, '0')}`
}

/** The amount as a person would type it back into a field: "1234.56", no £ or commas. */
export const penceToInput = (pence: number): string =>
  `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`

/** Adds amounts in pence; integers stay exact far beyond any real budget. */
export const sumPence = (amounts: Iterable<number>): number => {
  let total = 0
  for (const amount of amounts) total += amount
  return total
}

/**
 * Part of a whole as a whole percentage, rounded half up with integer arithmetic; null when
 * the whole is zero (no award yet: "0% used" would mislead).
 */
export const percentOf = (part: number, whole: number): number | null =>
  whole <= 0 ? null : Math.floor((part * 200 + whole) / (whole * 2))
