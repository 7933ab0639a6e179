/**
 * Issue 6's benchmark: version history on the 15,000-word bench report with a long edit
 * history (co-written over 120 days by six people, gc off, a daily version each day worked).
 * - create a version: `createVersion`, what "Save version" calls (snapshot, encode, write it
 *   into the doc), timed in Node over MUTUAL_BENCH_VERSIONS runs (default 30), target ≤ 50 ms;
 *   plus, in Chromium, from submitting "Name this version" to the app saying it was saved
 *   (the same call with the app's projections and IndexedDB around it);
 * - open the compare view: in the built app in Chromium, on the report's history page, from
 *   clicking "Compare with now" on an older version to the comparison painted and the main
 *   thread free, target ≤ 500 ms; beside it, in the same page, the floor of inserting the same
 *   finished markup into the page (so the ratio shows what building the comparison adds);
 * - the doc-size cost of gc: false, on the report workspace and on issue 2's bench workspace:
 *   the encoded state as kept (gc off) against the same content re-encoded by a gc: true doc,
 *   and how much of it the stored version snapshots take.
 * The report reaches the browser as a person's would: a workspace file, imported.
 * MUTUAL_BENCH_RUNS compare-view opens (default 9).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { createVersion, readVersions, versionsMap } from '../../src/crdt/versions'
import { setUpProfile } from '../e2e/support/app-driver'
import { startAppServer } from '../e2e/support/app-server'
import { launchBrowser } from '../e2e/support/chromium'
import { waitForPageIdle } from './support/page-idle'
import { againstTarget, reportFigures, summarise } from './support/report'
import { benchSeed } from './seed/random'
import {
  ISSUE_2_WORKSPACE,
  benchWorkspaceFile,
  checkBenchWorkspace,
  describeBenchWorkspace,
  makeBenchWorkspace,
  type BenchWorkspace,
  type BenchWorkspaceOptions
} from './seed/workspace'

const RUNS = Number(process.env.MUTUAL_BENCH_RUNS ?? 9)
const VERSION_RUNS = Number(process.env.MUTUAL_BENCH_VERSIONS ?? 30)
const DIST = process.env.MUTUAL_DIST ?? 'dist'
const TARGETS = { createVersionMs: 50, compareViewMs: 500 }
const REPORT_WORKSPACE: Omit<BenchWorkspaceOptions, 'seed'> = { notes: 0, reports: 1, reportWords: 15_000, partners: 0, people: 6, days: 120 }
const BENCH_ACTOR = { name: 'Bench Runner', organisation: 'Oldham Council' }

const round = (value: number, places = 1): number => Math.round(value * 10 ** places) / 10 ** places
const load = (): number => round(loadavg()[0] ?? 0, 2)

/** Times `createVersion` on the workspace doc, as "Save version" calls it. */
const timeCreateVersion = (workspace: BenchWorkspace, runs: number): number[] => {
  const samples: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    createVersion(workspace.doc, { name: `Bench version ${run + 1}`, kind: 'named' }, BENCH_ACTOR, Date.UTC(2026, 6, 1) + run)
    samples.push(performance.now() - started)
  }
  return samples
}

/** JSON with object keys sorted: two docs list a map's keys in the order they received them. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v
  )

/**
 * What gc: false costs in bytes: the state as the app keeps it, the same content in a doc
 * with gc on (deleted content dropped, only its ids kept), and the stored version snapshots.
 */
const gcCost = (doc: Y.Doc) => {
  const keptBytes = Y.encodeStateAsUpdate(doc).byteLength
  const collected = new Y.Doc({ gc: true })
  Y.applyUpdate(collected, Y.encodeStateAsUpdate(doc))
  if (canonical(collected.getMap('artifacts').toJSON()) !== canonical(doc.getMap('artifacts').toJSON())) {
    throw new Error('The gc: true copy does not hold the same content')
  }
  const gcBytes = Y.encodeStateAsUpdate(collected).byteLength
  collected.destroy()
  let snapshotBytes = 0
  versionsMap(doc).forEach((version) => {
    const bytes = version.get('snapshot')
    if (bytes instanceof Uint8Array) snapshotBytes += bytes.byteLength
  })
  return {
    gcOffBytes: keptBytes,
    gcOnBytes: gcBytes,
    gcOffToGcOn: round(keptBytes / gcBytes, 2),
    versions: readVersions(doc).length,
    snapshotBytes,
    snapshotShareOfGcOff: round(snapshotBytes / keptBytes, 3),
    largestSnapshotBytes: Math.max(0, ...[...versionsMap(doc).values()].map((v) => (v.get('snapshot') as Uint8Array | undefined)?.byteLength ?? 0))
  }
}

interface CompareTiming {
  compareMs: number
  floorMs: number
  removals: number
  additions: number
  words: number
}

/**
 * Clicks "Compare with now" on the version named `versionName` and times, inside the page,
 * until the comparison is in the DOM, a frame has been painted with it and the main thread
 * has run a task again. Then the floor: the same finished markup put into the page again,
 * timed to the same point.
 */
const openCompare = (page: Page, versionName: string): Promise<CompareTiming> =>
  page.evaluate(
    (name) =>
      new Promise<CompareTiming>((resolve, reject) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === `Compare with now: ${name}`)
        if (!button) throw new Error(`No "Compare with now" button for ${name}`)
        const timer = setTimeout(() => reject(new Error('The comparison did not open')), 60_000)
        const afterFrame = (then: () => void): void => {
          requestAnimationFrame(() => setTimeout(then, 0))
        }
        let started = 0
        const check = (): boolean => {
          const view = document.querySelector('[aria-labelledby="history-shown-title"] .compare-view')
          if (!view || view.childElementCount === 0) return false
          observer.disconnect()
          afterFrame(() => {
            const compareMs = performance.now() - started
            // The floor: the same markup, already built, put into the page and painted.
            const html = view.outerHTML
            const host = document.createElement('div')
            host.setAttribute('aria-hidden', 'true')
            const floorStarted = performance.now()
            host.innerHTML = html
            view.parentElement?.append(host)
            void host.offsetHeight
            afterFrame(() => {
              const floorMs = performance.now() - floorStarted
              host.remove()
              clearTimeout(timer)
              const text = view.textContent ?? ''
              resolve({
                compareMs,
                floorMs,
                removals: view.querySelectorAll('del').length,
                additions: view.querySelectorAll('ins').length,
                words: text.match(/[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu)?.length ?? 0
              })
            })
          })
          return true
        }
        const observer = new MutationObserver(() => void check())
        observer.observe(document.body, { childList: true, subtree: true })
        started = performance.now()
        button.click()
      }),
    versionName
  )

/** Submits "Name this version" on the overview and times until the app says it was saved. */
const saveVersionThroughUi = async (page: Page, name: string): Promise<number> => {
  await page.getByLabel('Name this version').fill(name)
  return page.evaluate(
    (wanted) =>
      new Promise<number>((resolve, reject) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Save version')
        if (!button) throw new Error('No "Save version" button')
        const timer = setTimeout(() => reject(new Error('The version was not saved')), 60_000)
        let started = 0
        const check = (): void => {
          const saved = [...document.querySelectorAll('[role="status"]')].some((s) => s.textContent?.includes(`Saved version “${wanted}”`))
          if (!saved) return
          observer.disconnect()
          requestAnimationFrame(() =>
            setTimeout(() => {
              clearTimeout(timer)
              resolve(performance.now() - started)
            }, 0)
          )
        }
        const observer = new MutationObserver(check)
        observer.observe(document.body, { childList: true, subtree: true, characterData: true })
        started = performance.now()
        button.click()
      }),
    name
  )
}

it('issue 6: creating a version and comparing one with now on the 15,000-word report; the cost of gc: false', async () => {
  const seed = benchSeed()
  const loadBefore = load()
  const workspace = makeBenchWorkspace({ seed, ...REPORT_WORKSPACE })
  checkBenchWorkspace(workspace, REPORT_WORKSPACE)
  const report = workspace.reports[0]
  if (!report?.id) throw new Error('The bench workspace has no report')
  const description = describeBenchWorkspace(workspace)
  const file = benchWorkspaceFile(workspace)
  // Measured before any bench version is added, so the figures are the seeded history's.
  const reportGc = gcCost(workspace.doc)
  // Re-encoding with gc on keeps every live character: only deleted content may go.
  expect(reportGc.gcOnBytes).toBeLessThanOrEqual(reportGc.gcOffBytes)

  const createSamples = timeCreateVersion(workspace, VERSION_RUNS)
  const loadAfterNode = load()

  const big = makeBenchWorkspace({ seed, ...ISSUE_2_WORKSPACE })
  const bigGc = gcCost(big.doc)
  // The snapshot is of the whole workspace, so the big workspace is the harder case.
  const bigCreateSamples = timeCreateVersion(big, VERSION_RUNS)
  const bigDescription = { notes: big.notes.length, reports: big.reports.length, partners: big.partnerMap.partners, sittings: big.schedule.sessions }
  big.doc.destroy()

  const dir = mkdtempSync(join(tmpdir(), 'mutual-bench-'))
  const filePath = join(dir, 'report-lab.mutual')
  writeFileSync(filePath, file)
  const server = await startAppServer()
  const browser = await launchBrowser()
  try {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    const setup = await context.newPage()
    await setup.goto(server.url)
    await setUpProfile(setup, { name: BENCH_ACTOR.name, organisation: BENCH_ACTOR.organisation })
    await setup.getByLabel('Import a workspace file').setInputFiles(filePath)
    await setup.locator('[data-workspace-ready]').waitFor({ timeout: 120_000 })
    await waitForPageIdle(setup, 5000)

    // Naming versions through the overview, as a person does.
    await setup.goto(`${server.url}#/w/${workspace.id}`)
    await setup.getByLabel('Name this version').waitFor()
    const saveSamples: number[] = []
    for (let run = 0; run < 7; run++) {
      saveSamples.push(await saveVersionThroughUi(setup, `Saved in the app ${run + 1}`))
      await waitForPageIdle(setup, 5000)
    }
    await setup.close()

    // An older version: one about half-way through the report's history, so the comparison
    // holds months of additions and removals.
    const versions = readVersions(workspace.doc).filter((v) => v.kind === 'first-edit-of-day')
    const older = versions[Math.floor(versions.length / 2)]
    if (!older) throw new Error('The bench workspace has no daily versions')

    const history = `${server.url}#/w/${workspace.id}/a/${report.id}/history`
    const compares: CompareTiming[] = []
    const historyOpenMs: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      const opened = Date.now()
      await page.goto(history)
      await page.getByRole('button', { name: `Compare with now: ${older.name}`, exact: true }).waitFor({ timeout: 120_000 })
      historyOpenMs.push(Date.now() - opened)
      await waitForPageIdle(page, 5000)
      const timing = await openCompare(page, older.name)
      // A real comparison: months of the report, with removals and additions in it.
      expect(timing.words).toBeGreaterThan(report.finalWords * 0.9)
      expect(timing.removals).toBeGreaterThan(0)
      expect(timing.additions).toBeGreaterThan(0)
      compares.push(timing)
      expect(errors).toEqual([])
      await page.close()
    }

    const create = summarise(createSamples)
    const save = summarise(saveSamples)
    const compare = summarise(compares.map((c) => c.compareMs))
    const floor = summarise(compares.map((c) => c.floorMs))
    reportFigures('versions', {
      issue: 6,
      seed,
      dist: DIST,
      browser: `Chromium ${browser.version()}`,
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', loadAverage: { start: loadBefore, afterNode: loadAfterNode, end: load() } },
      workspace: description,
      report: { words: report.finalWords, transactions: report.transactions, deletions: report.deletions },
      createVersion: {
        what: 'createVersion on the report workspace doc in Node: Y.snapshot, encodeSnapshot, and the version record written in one transaction',
        runs: createSamples.length,
        ...create,
        samplesMs: undefined
      },
      createVersionIssue2Workspace: {
        what: 'the same on issue 2\'s bench workspace (200 notes, 3 reports, 150 partners)',
        runs: bigCreateSamples.length,
        ...summarise(bigCreateSamples),
        samplesMs: undefined
      },
      saveVersionInApp: {
        what: 'in Chromium: clicking "Save version" on the overview to the "Saved version" status painted (createVersion plus the app\'s projections and IndexedDB write)',
        ...save
      },
      historyPageOpen: {
        what: 'page load of the report history URL to its version list usable, timed from Node (includes the app starting and opening the workspace)',
        ...summarise(historyOpenMs),
        samplesMs: undefined
      },
      compareView: {
        what: `click on "Compare with now" for “${older.name}” (version ${versions.indexOf(older) + 1} of ${versions.length} daily versions) to the comparison in the DOM, painted, and the main thread free`,
        runs: compares.length,
        words: compares[0]?.words,
        removedRuns: compares[0]?.removals,
        addedRuns: compares[0]?.additions,
        ...compare,
        floor: { what: 'the same finished markup inserted into the page, painted, main thread free', ...floor, samplesMs: undefined },
        ratioToFloorMedian: round(summarise(compares.map((c) => c.compareMs / c.floorMs)).medianMs, 2)
      },
      gcFalseCost: {
        what: 'Y.encodeStateAsUpdate of the doc as kept (gc: false) vs the same update applied to a gc: true doc and re-encoded; snapshotBytes = the stored version snapshots',
        reportWorkspace: reportGc,
        issue2Workspace: { ...bigDescription, ...bigGc }
      },
      targets: {
        createVersionMedianMs: againstTarget(create.medianMs, TARGETS.createVersionMs, 'ms (median)'),
        createVersionP95Ms: againstTarget(create.p95Ms, TARGETS.createVersionMs, 'ms (p95)'),
        compareViewMedianMs: againstTarget(compare.medianMs, TARGETS.compareViewMs, 'ms (median)'),
        compareViewP95Ms: againstTarget(compare.p95Ms, TARGETS.compareViewMs, 'ms (p95)')
      }
    })
  } finally {
    await browser.close()
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
