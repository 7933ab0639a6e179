import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { initialiseWorkspace } from '../../../src/crdt/workspace-meta'
import { WorkspaceIdSchema, WorkspaceSecretSchema } from '../../../src/domain/ids'
import { setUpProfile } from '../../e2e/support/app-driver'
import { startAppServer, type AppServer } from '../../e2e/support/app-server'
import { launchBrowser } from '../../e2e/support/chromium'
import type { Random } from '../seed/random'

const hex = (random: Random, bytes: number): string =>
  Array.from({ length: bytes }, () => random.int(256).toString(16).padStart(2, '0')).join('')

/**
 * A new lab workspace with seeded id, secret and Yjs client, so a bench's workspace is the same
 * on every run, and a clock that moves on a few seconds to a minute and a half per change.
 */
export const seededLab = (random: Random, name: string) => {
  const id = WorkspaceIdSchema.parse(hex(random, 16))
  // 42 free characters, then 'A': a 43rd character may carry only 2 bits (32 bytes exactly).
  const secret = WorkspaceSecretSchema.parse(`${hex(random, 21)}A`)
  const doc = makeWorkspaceDoc(id)
  doc.clientID = random.uint32()
  const actor = { name: 'Asha Patel', organisation: 'Oldham Council' }
  let now = Date.UTC(2026, 0, 5, 9)
  const tick = (): number => (now += 1000 * random.between(5, 90))
  initialiseWorkspace(doc, { name, description: '', leadCouncil: 'Oldham Council', partnerCouncils: [], startDate: '2026-01-05' }, actor, tick())
  return { id, secret, doc, actor, tick, now: () => now }
}

export interface ImportedWorkspace {
  server: AppServer
  browser: Browser
  /** A browser profile that holds the workspace: open measured pages in it. */
  context: BrowserContext
  /** Uncaught page errors of the import page (add measured pages' with `page.on`). */
  errors: string[]
  close(): Promise<void>
}

/**
 * The built app on loopback and a Chromium whose profile has imported `file` through
 * "Import a workspace file", as a person's would; ready when the workspace has opened.
 */
export const importBenchWorkspace = async (file: Uint8Array, name: string): Promise<ImportedWorkspace> => {
  const dir = mkdtempSync(join(tmpdir(), 'mutual-bench-'))
  const filePath = join(dir, `${name}.mutual`)
  writeFileSync(filePath, file)
  const server = await startAppServer()
  const browser = await launchBrowser()
  const close = async (): Promise<void> => {
    await browser.close()
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(server.url)
    await setUpProfile(page, { name: 'Bench Runner', organisation: 'Oldham Council' })
    await page.getByLabel('Import a workspace file').setInputFiles(filePath)
    await page.locator('[data-workspace-ready]').waitFor({ timeout: 15 * 60_000 })
    await page.close()
    return { server, browser, context, errors, close }
  } catch (error) {
    await close()
    throw error
  }
}
