import { createSignal, onCleanup } from 'solid-js'

const formatter = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' })
const absolute = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' })

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY]
]

/** "5 minutes ago", given two timestamps in milliseconds. */
export const formatRelative = (time: number, now: number): string => {
  let value = (time - now) / 1000
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return formatter.format(Math.round(value), unit)
    value /= size
  }
  return absolute.format(time)
}

export const formatAbsolute = (time: number): string => absolute.format(time)

const [now, setNow] = createSignal(Date.now())
let tickers = 0
let timer: ReturnType<typeof setInterval> | null = null

/** A <time> that reads "5 minutes ago" and keeps itself current; the full date is its title. */
export const RelativeTime = (props: { time: number }) => {
  tickers += 1
  if (!timer) timer = setInterval(() => setNow(Date.now()), 30_000)
  onCleanup(() => {
    tickers -= 1
    if (tickers === 0 && timer) {
      clearInterval(timer)
      timer = null
    }
  })
  return (
    <time datetime={new Date(props.time).toISOString()} title={formatAbsolute(props.time)}>
      {formatRelative(props.time, Math.max(now(), Date.now()))}
    </time>
  )
}
