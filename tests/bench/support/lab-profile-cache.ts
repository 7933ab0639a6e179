/**
 * A Chromium profile that has imported a bench lab, kept between bench runs.
 *
 * Importing a two-year lab through "Import a workspace file" takes ten minutes or more on a
 * busy machine; a bench that only measures what happens after the import (opening the
 * workspace, a report, the heap) need not pay that each time. The first run imports as a
 * person would, in a profile of its own, and keeps that profile in the OS temp folder
 * (`<tmp>/mutual-bench-lab-profiles/<key>`); every run, the first included, works on a fresh
 * copy of it, so nothing a run does (typing, a new version, local history) reaches the next.
 *
 * The key names what the profile holds, and nothing about the build: the seed and age of the
 * lab, a hash of the workspace file's bytes (any change to the generator or the file format
 * makes a new key), the app's schema version and the Chromium version (a profile written by
 * one Chromium may not open in an older one). A build that stores data differently meets the
 * kept profile as a person's browser meets an upgrade: the app's own migrations run, in the
 * unmeasured page that opens the copy first. What belongs to a build is left out of each
 * copy (the service worker with its cached files, the HTTP and code caches), so every run
 * serves and runs the build under test.
 *
 * IndexedDB belongs to an origin, and a port is part of one: the app is always reached as
 * http://mutual-bench.localhost/, which Chromium resolves to the app server's loopback port of
 * this run (a `.localhost` name is a secure context, as 127.0.0.1 is). MUTUAL_BENCH_FRESH_PROFILE=1
 * imports again and replaces the kept profile.
 */
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CURRENT_SCHEMA_VERSION } from '../../../src/crdt/schema-version'
import { setUpProfile } from '../../e2e/support/app-driver'
import { startAppServer, type AppServer } from '../../e2e/support/app-server'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium'

/** The origin the app is reached at, the same on every run whatever the server's port. */
const BENCH_HOST = 'mutual-bench.localhost'
/** Bumped when what this module keeps in a profile changes. */
const KEPT_PROFILE_FORMAT = 1
/** Profile folders that belong to a build or a session, not to what the lab stored. */
const LEFT_OUT = new Set(['Service Worker', 'Cache', 'Code Cache', 'GPUCache', 'DawnGraphiteCache', 'DawnWebGPUCache', 'SingletonLock', 'SingletonSocket', 'SingletonCookie'])

export interface LabProfileOptions {
  /** The workspace file to import, and what names it in the key. */
  file: Uint8Array
  seed: number
  months: number
  viewport: { width: number; height: number }
  /** Waits, in the importing page, until the imported workspace is open and settled. */
  waitForImport: (page: Page) => Promise<void>
  /**
   * Serves the built app on loopback (the app alone by default); a bench whose devices sync
   * passes startSyncedAppServer, so the lab's page finds signalling next to it.
   */
  startServer?: () => Promise<AppServer>
}

export interface LabProfile {
  server: AppServer
  browser: Browser
  /** The copy's browser profile, holding the imported lab: open measured pages in it. */
  context: BrowserContext
  /** The app's address (http://mutual-bench.localhost/). */
  url: string
  /** True when the kept profile was used, false when this run imported the lab. */
  reused: boolean
  close(): Promise<void>
}

const chromiumVersion = (): string => execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().replace(/[^\w.]+/g, '_')

/** The kept profile's folder name: what it holds, never which build wrote it. */
export const labProfileKey = (options: Pick<LabProfileOptions, 'file' | 'seed' | 'months'>, browserVersion: string): string => {
  const fileHash = createHash('sha256').update(options.file).digest('hex').slice(0, 16)
  return `lab-${options.seed}-${options.months}m-${fileHash}-schema${CURRENT_SCHEMA_VERSION}-k${KEPT_PROFILE_FORMAT}-${browserVersion}`
}

const launch = (userDataDir: string, server: AppServer, viewport: LabProfileOptions['viewport']): Promise<BrowserContext> =>
  chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${BENCH_HOST} 127.0.0.1:${new URL(server.url).port}`]
  })

/** Copies a profile, leaving out what belongs to a build (see LEFT_OUT). */
const copyProfile = (from: string, to: string): void =>
  cpSync(from, to, { recursive: true, filter: (source) => !LEFT_OUT.has(source.split('/').at(-1) ?? '') })

/** Imports the lab into a new profile and keeps it under `kept`; another run may have kept one first. */
const importAndKeep = async (options: LabProfileOptions, server: AppServer, url: string, kept: string, parent: string): Promise<void> => {
  const importing = mkdtempSync(join(parent, '.importing-'))
  try {
    const profile = join(importing, 'profile')
    const fileDir = join(importing, 'file')
    mkdirSync(fileDir)
    const filePath = join(fileDir, 'bench-lab.mutual')
    writeFileSync(filePath, options.file)
    const context = await launch(profile, server, options.viewport)
    try {
      const page = await context.newPage()
      await page.goto(url)
      await setUpProfile(page, { name: 'Bench Runner', organisation: 'Oldham Council' })
      await page.getByLabel('Import a workspace file').setInputFiles(filePath)
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      await options.waitForImport(page).catch(async (error: unknown) => {
        // Say what the page showed instead: an import refused, or an error.
        const shown = await page.locator('[role="alert"]').allInnerTexts().catch(() => [])
        throw new Error(`The lab was not imported (${String(error)}); the page showed: ${[...shown, ...errors].join(' | ') || 'nothing'}`)
      })
      await page.close()
    } finally {
      // Closing the browser writes everything it holds to disk.
      await context.close()
    }
    if (process.env.MUTUAL_BENCH_FRESH_PROFILE === '1') rmSync(kept, { recursive: true, force: true })
    // A rename is atomic: a concurrent run sees the whole profile or none.
    try {
      renameSync(profile, kept)
    } catch {
      /* another run kept the same profile first: it holds the same lab */
    }
  } finally {
    rmSync(importing, { recursive: true, force: true })
  }
}

/**
 * The built app on loopback and a Chromium on a fresh copy of the kept profile for this lab,
 * importing it first when none is kept (or MUTUAL_BENCH_FRESH_PROFILE=1).
 */
export const openLabProfile = async (options: LabProfileOptions): Promise<LabProfile> => {
  const parent = join(tmpdir(), 'mutual-bench-lab-profiles')
  mkdirSync(parent, { recursive: true })
  const kept = join(parent, labProfileKey(options, chromiumVersion()))
  const server = await (options.startServer ?? startAppServer)()
  const url = `http://${BENCH_HOST}/`
  const work = mkdtempSync(join(tmpdir(), 'mutual-bench-profile-'))
  let context: BrowserContext | null = null
  const close = async (): Promise<void> => {
    await context?.close()
    await server.close()
    rmSync(work, { recursive: true, force: true })
  }
  try {
    const reused = existsSync(kept) && process.env.MUTUAL_BENCH_FRESH_PROFILE !== '1'
    if (!reused) await importAndKeep(options, server, url, kept, parent)
    copyProfile(kept, join(work, 'profile'))
    context = await launch(join(work, 'profile'), server, options.viewport)
    const browser = context.browser()
    if (!browser) throw new Error('Chromium gave no browser for the lab profile')
    return { server, browser, context, url, reused, close }
  } catch (error) {
    await close()
    throw error
  }
}
