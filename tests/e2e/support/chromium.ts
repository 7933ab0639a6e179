import { chromium, type Browser, type BrowserContext, type LaunchOptions } from 'playwright-core'

/** Debian's Chromium; set CHROMIUM_PATH to use another build. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Flags for a closed network: no sandbox (we run as root in CI), and none of Chromium's own
 * background calls to outside hosts, which this machine refuses.
 *
 * Also without the omnibox's web-based popup. This headless Chromium builds it as a hidden
 * web page for every new page it opens, about half a second of CPU each time: on a two-core
 * machine that ran beside every page a test or benchmark opened, and took half the CPU from
 * it. It is Chromium's own interface, not part of any page, and tests never use it.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI'
]

const launchOptions = (): LaunchOptions => ({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_ARGS
})

/** A separate Chromium process; each context in it is a fresh, isolated profile. */
export const launchBrowser = (): Promise<Browser> => chromium.launch(launchOptions())

/** A Chromium process with an on-disk profile, to test what survives closing the browser. */
export const launchPersistentBrowser = (userDataDir: string): Promise<BrowserContext> =>
  chromium.launchPersistentContext(userDataDir, { ...launchOptions(), viewport: { width: 1280, height: 900 } })
