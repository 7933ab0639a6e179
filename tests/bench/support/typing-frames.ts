import type { Page } from 'playwright-core'

interface LongFrame {
  startTime: number
  duration: number
  renderMs: number
  scripts: { what: string; ms: number }[]
}

/**
 * Starts watching the page's long tasks and long animation frames (over 50 ms), from now on: what
 * held the page's thread while a person typed. Call before typing; read with `typingFrames`.
 */
export const watchTypingFrames = (page: Page): Promise<void> =>
  page.evaluate(() => {
    performance.clearMeasures()
    const seen: number[] = []
    const frames: LongFrame[] = []
    Object.assign(window, { benchLongTasks: seen, benchLongFrames: frames, benchTypingFrom: performance.now() })
    new PerformanceObserver((list) => seen.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask' })
    // Long animation frames say what held the page: which scripts (by what called them and
    // where they live) and how long style, layout and paint took.
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { startTime: number; duration: number; renderStart: number; scripts: { invoker: string; sourceURL: string; sourceFunctionName: string; duration: number }[] }[]) {
        frames.push({
          startTime: entry.startTime,
          duration: entry.duration,
          renderMs: entry.renderStart > 0 ? entry.startTime + entry.duration - entry.renderStart : 0,
          scripts: entry.scripts.map((script) => ({ what: `${script.invoker} ${script.sourceFunctionName} ${script.sourceURL.split('/').pop() ?? ''}`, ms: script.duration }))
        })
      }
    }).observe({ type: 'long-animation-frame' })
  })

/** The long frames and long tasks seen since `watchTypingFrames`, summed up. */
export const typingFrames = async (page: Page) => ({
  pageLongFrames: await page.evaluate(() => {
    const { benchLongFrames: frames, benchTypingFrom: from } = window as unknown as { benchLongFrames: LongFrame[]; benchTypingFrom: number }
    const byScript = new Map<string, number>()
    for (const frame of frames) for (const script of frame.scripts) byScript.set(script.what, (byScript.get(script.what) ?? 0) + script.ms)
    const firstTenSeconds = frames.filter((frame) => frame.startTime - from < 10_000)
    return {
      what: 'the page’s frames over 50 ms while typing: in all, in the first 10 s of typing, time drawing (style, layout, paint), and the scripts that took longest',
      count: frames.length,
      totalMs: Math.round(frames.reduce((n, frame) => n + frame.duration, 0)),
      inFirstTenSeconds: { count: firstTenSeconds.length, totalMs: Math.round(firstTenSeconds.reduce((n, frame) => n + frame.duration, 0)) },
      drawingMs: Math.round(frames.reduce((n, frame) => n + frame.renderMs, 0)),
      typingMs: Math.round(performance.now() - from),
      topScripts: [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([what, ms]) => ({ what, ms: Math.round(ms) }))
    }
  }),
  pageLongTasks: await page.evaluate(() => {
    const seen = (window as unknown as { benchLongTasks: number[] }).benchLongTasks
    return { what: 'the page’s long tasks (over 50 ms) while typing', count: seen.length, totalMs: Math.round(seen.reduce((a, b) => a + b, 0)), maxMs: Math.round(Math.max(0, ...seen)) }
  })
})

/**
 * Waits until the page has gone `quietMs` without a long task (over 50 ms), counting those
 * since it loaded: its after-open work is done. Resolves with how long that took; gives up
 * (and says so by resolving with -1) after `timeoutMs` on a page that is never quiet.
 */
export const waitForQuietPage = (page: Page, quietMs: number, timeoutMs = 5 * 60_000): Promise<number> =>
  page.evaluate(
    ([quiet, timeout]) =>
      new Promise<number>((resolve) => {
        const started = performance.now()
        let lastBusy = started
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) lastBusy = Math.max(lastBusy, entry.startTime + entry.duration)
        })
        observer.observe({ type: 'longtask', buffered: true })
        const check = (): void => {
          const now = performance.now()
          if (now - lastBusy >= quiet || now - started >= timeout) {
            observer.disconnect()
            resolve(now - started >= timeout ? -1 : Math.round(now - started))
            return
          }
          setTimeout(check, 100)
        }
        check()
      }),
    [quietMs, timeoutMs] as const
  )
