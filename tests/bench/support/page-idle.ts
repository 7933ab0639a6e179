import type { Page } from 'playwright-core'

/**
 * Waits, inside the page, for two idle periods in a row, so that the app's own idle work
 * (compaction, prefetching the editor, …) has had its turn before a measurement. Each wait
 * gives up after `timeoutMs` on a page that is never idle.
 */
export const waitForPageIdle = (page: Page, timeoutMs: number): Promise<void> =>
  page.evaluate(
    (timeout) =>
      new Promise<void>((resolve) => {
        requestIdleCallback(() => requestIdleCallback(() => resolve(), { timeout }), { timeout })
      }),
    timeoutMs
  )
