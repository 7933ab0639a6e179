/**
 * Waits until a Chromium has gone quiet, so that a measurement that needs another device to be
 * up (the host a new device joins over WebRTC) does not also measure that device's own work.
 *
 * A host that has just imported a lab keeps working for tens of seconds after its sidebar is
 * complete: the work that waits for idle moments (local history copies of every version, search
 * indexing, the state summary) runs then, much of it in IndexedDB, which Chromium runs in its
 * browser process. On a machine of two cores, where both devices run, a join started at once
 * shared the cores with all of it: the joining page's check and apply of the same 2.5 MB state
 * took 2 to 4 times as long as a moment later (sync-initial.bench.ts, first join against later
 * ones). Two devices of a real lab do not share a processor.
 *
 * How busy is read from Chromium itself (CDP SystemInfo.getProcessInfo: the CPU time of each of
 * the browser's processes, renderers and GPU included), as a share of one core per window.
 */
import type { Browser } from 'playwright-core'

/** The CPU time all of a browser's processes have used so far, read at `atMs` (a clock in ms). */
export interface CpuReading {
  atMs: number
  /** Summed over the browser's processes alive at the reading, in ms. */
  cpuMs: number
}

export interface QuietRule {
  /** A window counts as quiet when the browser used less than this share of one core in it. */
  busyBelow: number
  /** How many quiet windows in a row make the browser quiet. */
  windows: number
}

/** Under a tenth of a core, for three seconds: a settled page's timers and presence stay far below it. */
export const QUIET: QuietRule = { busyBelow: 0.1, windows: 3 }

/**
 * Whether the last `rule.windows` windows between consecutive readings were each quiet. A
 * process that ended between two readings takes its time with it: a window whose sum went down
 * counts as quiet only if it was, which cannot be told, so it counts as busy.
 */
export const quietAfter = (readings: readonly CpuReading[], rule: QuietRule = QUIET): boolean => {
  if (readings.length < rule.windows + 1) return false
  const recent = readings.slice(-(rule.windows + 1))
  for (let i = 1; i < recent.length; i++) {
    const from = recent[i - 1] as CpuReading
    const to = recent[i] as CpuReading
    const used = to.cpuMs - from.cpuMs
    const span = to.atMs - from.atMs
    if (span <= 0 || used < 0 || used / span >= rule.busyBelow) return false
  }
  return true
}

/** The CPU time so far of every process of `browser`, summed (CDP SystemInfo, browser-wide). */
export const browserCpuMs = async (browser: Browser): Promise<number> => {
  const session = await browser.newBrowserCDPSession()
  try {
    const info = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { cpuTime: number }[] }
    return info.processInfo.reduce((sum, process) => sum + process.cpuTime * 1000, 0)
  } finally {
    await session.detach()
  }
}

/**
 * Reads the browser's CPU time every `windowMs` until `quietAfter` says it is quiet, or until
 * `timeoutMs`. Says how long it waited, and whether it went quiet (a bench prints both: a host
 * that never settles is worth knowing about, and the join is measured anyway).
 */
export const waitForQuietBrowser = async (browser: Browser, rule: QuietRule = QUIET, windowMs = 1_000, timeoutMs = 180_000): Promise<{ waitedMs: number; quiet: boolean }> => {
  const started = performance.now()
  const readings: CpuReading[] = []
  for (;;) {
    readings.push({ atMs: performance.now(), cpuMs: await browserCpuMs(browser) })
    if (quietAfter(readings, rule)) return { waitedMs: Math.round(performance.now() - started), quiet: true }
    if (performance.now() - started > timeoutMs) return { waitedMs: Math.round(performance.now() - started), quiet: false }
    await new Promise((resolve) => setTimeout(resolve, windowMs))
  }
}
