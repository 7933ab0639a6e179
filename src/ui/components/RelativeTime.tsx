import { createSignal, onCleanup } from 'solid-js'
import { formatDate, formatRelative } from '../i18n/intl-format'

/** Kept for callers that format a moment in full; both follow the interface language. */
export { formatRelative }
export const formatAbsolute = (time: number): string => formatDate(time, 'medium-time')

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
