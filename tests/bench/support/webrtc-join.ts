// The join over WebRTC that the relay joins are printed beside: sync-initial.bench.ts's last
// figures on this machine when there are some, else the issue's.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { RESULTS_DIR } from './report'

/** Issue 8: "the same join over WebRTC, which is 4.6 s today" (sync-initial.bench.ts, two Chromium processes). */
export const WEBRTC_JOIN_ISSUE_MS = 4600

export const webrtcJoin = (): { ms: number; source: string } => {
  const file = join(process.env.MUTUAL_BENCH_OUT || RESULTS_DIR, 'sync-initial.json')
  try {
    if (existsSync(file)) {
      const figures = JSON.parse(readFileSync(file, 'utf8')) as { initialSync?: { medianMs?: number; measured?: number } }
      const ms = figures.initialSync?.medianMs ?? figures.initialSync?.measured
      if (typeof ms === 'number') return { ms, source: `sync-initial.bench.ts on this machine (${file}): Chromium, IndexedDB and rendering included` }
    }
  } catch {
    // An unreadable file: fall back to the issue's figure.
  }
  return { ms: WEBRTC_JOIN_ISSUE_MS, source: 'issue 8 (sync-initial.bench.ts, two Chromium processes); run `npm run bench -- sync-initial` first for this machine' }
}

/** "Everything listed": the sidebar counts every note and report of the lab (how sync-initial stops its clock). */
export const sidebarComplete = (page: Page, notes: number, reports: number, timeout = 10 * 60_000) =>
  Promise.all([
    page.getByRole('heading', { name: `Notes (${notes})` }).waitFor({ timeout }),
    page.getByRole('heading', { name: `Reports (${reports})` }).waitFor({ timeout })
  ])
