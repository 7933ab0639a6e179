// The join over WebRTC that the relay joins are printed beside: sync-initial.bench.ts's last
// figures on this machine when there are some for the same lab age, else the issue's (six months only).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { BenchLabMonths } from '../seed/workspace'
import { RESULTS_DIR } from './report'

/** Issue 8: "the same join over WebRTC, which is 4.6 s today" (sync-initial.bench.ts, two Chromium processes). */
export const WEBRTC_JOIN_ISSUE_MS = 4600

const lastSyncInitial = (months: BenchLabMonths): { ms: number; source: string } | null => {
  const file = join(process.env.MUTUAL_BENCH_OUT || RESULTS_DIR, 'sync-initial.json')
  try {
    if (!existsSync(file)) return null
    const figures = JSON.parse(readFileSync(file, 'utf8')) as { labMonths?: number; initialSync?: { medianMs?: number; measured?: number } }
    // Figures from before labMonths was printed are the six-month lab's.
    if ((figures.labMonths ?? 6) !== months) return null
    const ms = figures.initialSync?.medianMs ?? figures.initialSync?.measured
    return typeof ms === 'number' ? { ms, source: `sync-initial.bench.ts on this machine (${file}): Chromium, IndexedDB and rendering included` } : null
  } catch {
    // An unreadable file: as if there were none.
    return null
  }
}

export const webrtcJoin = (): { ms: number; source: string } =>
  lastSyncInitial(6) ?? { ms: WEBRTC_JOIN_ISSUE_MS, source: 'issue 8 (sync-initial.bench.ts, two Chromium processes); run `npm run bench -- sync-initial` first for this machine' }

/** A relay join of `relayMs` beside the same lab's join over WebRTC; for a longer lab only when sync-initial has run at that age. */
export const joinOverWebrtc = (relayMs: number, months: BenchLabMonths) => {
  const webrtc = months === 6 ? webrtcJoin() : lastSyncInitial(months)
  if (!webrtc) return { ms: null, source: `run \`MUTUAL_BENCH_LAB_MONTHS=${months} npm run bench -- sync-initial\` first for this lab on this machine`, relayToWebrtc: null }
  return { ms: webrtc.ms, source: webrtc.source, relayToWebrtc: Math.round((relayMs / webrtc.ms) * 100) / 100 }
}

/** "Everything listed": the sidebar counts every note and report of the lab (how sync-initial stops its clock). */
export const sidebarComplete = (page: Page, notes: number, reports: number, timeout = 10 * 60_000) =>
  Promise.all([
    page.getByRole('heading', { name: `Notes (${notes})` }).waitFor({ timeout }),
    page.getByRole('heading', { name: `Reports (${reports})` }).waitFor({ timeout })
  ])
