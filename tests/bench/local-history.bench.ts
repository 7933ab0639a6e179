/**
 * Issue 9's local history on issue 2's bench lab (half a year in, gc off), in Chromium: the
 * main-thread cost of each step a checkpoint takes when the browser is idle (a Yjs snapshot of
 * the whole workspace, counting what it holds) and of rebuilding "just before a run of
 * deletions" (once per run). Target: no step over 50 ms, so a checkpoint never shows as a
 * pause. Beside them, for information, rebuilding the workspace at a checkpoint, which only
 * pressing Restore does.
 */
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { launchBrowser } from '../e2e/support/chromium'
import { buildPageScript } from './support/page-script'
import { againstTarget, reportFigures, summarise } from './support/report'
import { benchSeed } from './seed/random'
import { makeBenchWorkspace } from './seed/workspace'

const RUNS = Number(process.env.MUTUAL_BENCH_RUNS ?? 9)
type Step = 'captureCheckpointMs' | 'countHoldsMs' | 'snapshotBeforeDeletionsMs' | 'rebuildForRestoreMs'

it('local history checkpoints on the 6-month bench lab', async () => {
  const workspace = makeBenchWorkspace({ seed: benchSeed() })
  const update = Y.encodeStateAsUpdate(workspace.doc)
  const script = await buildPageScript('../local-history-page.ts', 'localHistoryBench')
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    await page.goto('about:blank')
    await page.addScriptTag({ content: script })
    const artifacts = await page.evaluate((bytes) => (window as any).localHistoryBench.load(bytes), Array.from(update))
    expect(artifacts).toBeGreaterThan(200)
    const samples: Record<string, number>[] = []
    for (let i = 0; i < RUNS; i += 1) samples.push(await page.evaluate(() => (window as any).localHistoryBench.measure()))
    const steps: Step[] = ['captureCheckpointMs', 'countHoldsMs', 'snapshotBeforeDeletionsMs', 'rebuildForRestoreMs']
    reportFigures('local-history', {
      workspaceBytes: update.length,
      artifacts,
      snapshotBytes: samples[0]?.snapshotBytes,
      ...Object.fromEntries(
        steps.map((s) => {
          const summary = summarise(samples.map((x) => x[s] ?? 0))
          return [s, { ...againstTarget(summary.medianMs, 50, 'ms'), p95Ms: summary.p95Ms, maxMs: summary.maxMs }]
        })
      )
    })
  } finally {
    await browser.close()
  }
})
