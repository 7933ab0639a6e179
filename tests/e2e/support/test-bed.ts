import { afterAll, beforeAll } from 'vitest'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { launchBrowser } from './chromium'
import { startAppServer, type AppServer } from './app-server'
import { collectPageErrors, setUpProfile, type PersonDetails } from './app-driver'

/** The built app served on loopback and one Chromium process, for the tests of one file. */
export interface TestBed {
  readonly server: AppServer
  readonly browser: Browser
  /** Stops the app server now (to test offline start); the end of the file does not stop it again. */
  stopServer(): Promise<void>
}

/** Starts the server and the browser before the file's tests and stops both after them. */
export const useTestBed = (): TestBed => {
  let server: AppServer | null = null
  let browser: Browser | null = null
  beforeAll(async () => {
    server = await startAppServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  return {
    get server() {
      if (!server) throw new Error('The app server is not running')
      return server
    },
    get browser() {
      if (!browser) throw new Error('The browser is not running')
      return browser
    },
    async stopServer() {
      const running = server
      server = null
      await running?.close()
    }
  }
}

/**
 * A page in a fresh browser profile (no storage) at the app, collecting uncaught errors;
 * with `person`, the first-run profile is already filled in. `beforeLoad` prepares the profile
 * before the app first loads (a controllable clock, a quota); `device` sets the browser's window and
 * input (a phone's size and touch screen).
 */
export const openFreshPage = async (
  bed: TestBed,
  person?: PersonDetails,
  beforeLoad?: (page: Page) => Promise<void>,
  device?: BrowserContextOptions
): Promise<{ page: Page; errors: string[] }> => {
  const page = await (await bed.browser.newContext(device)).newPage()
  const errors = collectPageErrors(page)
  await beforeLoad?.(page)
  await page.goto(bed.server.url)
  if (person) await setUpProfile(page, person)
  return { page, errors }
}
