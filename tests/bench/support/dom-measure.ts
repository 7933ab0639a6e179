import type { Page } from 'playwright-core'

/**
 * Installed in the page: `measure(start, done)` runs `start`, waits until `done()` holds
 * (checked on every DOM change), then for a painted frame and a free main thread. It marks
 * both ends on the page's trace timeline (console.timeStamp), so a trace taken over more than
 * the measurement can be summed over the measured interval alone.
 */
export const installProbe = (): void => {
  // Inlined: playwright sends this function's source alone (trace-summary's MEASURED marks).
  const MEASURED_FROM = 'mutual-measure-start'
  const MEASURED_UNTIL = 'mutual-measure-end'
  ;(window as unknown as { __measure: unknown }).__measure = (start: () => void, done: () => boolean): Promise<number> =>
    new Promise((resolve, reject) => {
      const t0 = performance.now()
      // A result that never comes is a real error, not a slow run.
      const limit = setTimeout(() => {
        observer.disconnect()
        reject(new Error(`Not done after 60 s: ${done.toString()}`))
      }, 60_000)
      const finish = (): void => {
        clearTimeout(limit)
        observer.disconnect()
        requestAnimationFrame(() =>
          setTimeout(() => {
            console.timeStamp(MEASURED_UNTIL)
            resolve(performance.now() - t0)
          }, 0)
        )
      }
      const observer = new MutationObserver(() => {
        if (done()) finish()
      })
      observer.observe(document.body, { childList: true, subtree: true, attributes: true })
      console.timeStamp(MEASURED_FROM)
      start()
      if (done()) finish()
    })
}

export type Measure = (page: Page, what: string, startAndDone: { start: string; done: string }) => Promise<number>

/** Runs a start/done pair (as page-side function bodies) through the probe. */
export const measure: Measure = async (page, _what, { start, done }) =>
  page.evaluate(
    ([startBody, doneBody]) => {
      const probe = (window as unknown as { __measure: (s: () => void, d: () => boolean) => Promise<number> }).__measure
      return probe(new Function(startBody as string) as () => void, new Function(doneBody as string) as () => boolean)
    },
    [start, done]
  )

