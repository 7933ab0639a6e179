// People on their own devices for the relay's e2e tests: a device keeps its browser profile on
// disk, so it can be closed (never online with the others) and opened again with what it stored.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { collectPageErrors } from './app-driver'
import { relayThroughApp } from './app-server'
import { launchPersistentBrowser } from './chromium'
import { syncLabel } from './signalling-peers'

export interface OpenDevice {
  context: BrowserContext
  page: Page
  errors: string[]
}

export interface Device {
  /** A separate Chromium process on this device's profile. */
  open(): Promise<OpenDevice>
}

/** The toolbar once the relay has acknowledged everything this device has. */
export const RELAY_HOLDS = /Relay holds your changes/

/**
 * Devices whose profiles live in temporary folders; `cleanUp` closes any browser still open and
 * removes the folders (call it from afterAll).
 */
export const makeDevices = (): { device(): Device; cleanUp(): Promise<void> } => {
  const folders: string[] = []
  const open = new Set<BrowserContext>()
  return {
    device() {
      const dir = mkdtempSync(join(tmpdir(), 'mutual-e2e-device-'))
      folders.push(dir)
      return {
        async open() {
          const context = await launchPersistentBrowser(dir)
          open.add(context)
          context.once('close', () => open.delete(context))
          const page = context.pages()[0] ?? (await context.newPage())
          return { context, page, errors: collectPageErrors(page) }
        }
      }
    },
    async cleanUp() {
      await Promise.all([...open].map((context) => context.close().catch(() => {})))
      for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true })
    }
  }
}

/**
 * Sets this workspace to use only the relay at `relayUrl` (not the one next to the app) through
 * the Sync menu's connection settings, as a host's members would for a relay run on its own.
 * With `signalling: false` it also turns off the app's signalling server, so nothing travels
 * peer to peer and every change must go through the relay.
 */
// The built page's CSP allows the app's own origin only: a relay process on another port is
// reached through the app server, as a host's reverse proxy would put it on the same origin.
export const useOnlyRelay = async (page: Page, relayUrl: string, options: { signalling?: boolean } = {}): Promise<void> => {
  await page.getByRole('button', { name: /^Sync / }).click()
  const dialog = page.getByRole('dialog', { name: 'Sync' })
  await dialog.locator('summary', { hasText: 'Connection settings' }).click()
  if (options.signalling === false) await dialog.getByRole('checkbox', { name: 'Use the signalling server of this app' }).uncheck()
  await dialog.getByRole('radio', { name: 'Use a relay' }).check()
  await dialog.getByRole('checkbox', { name: 'Use the relay next to the app' }).uncheck()
  await dialog.getByRole('textbox', { name: 'Other relays' }).fill(relayThroughApp(page.url(), relayUrl))
  await dialog.getByRole('button', { name: 'Save connection settings' }).click()
  await dialog.getByRole('status').filter({ hasText: 'Connection settings saved' }).waitFor()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await dialog.waitFor({ state: 'detached' })
}

/**
 * Turns off the app's signalling server for this workspace on this device, keeping the relay next
 * to the app: with every device set so, no device can find another peer to peer, so nothing
 * (presence included) can travel over WebRTC and all of it must go through the relay.
 */
export const turnOffSignalling = async (page: Page): Promise<void> => {
  await page.getByRole('button', { name: /^Sync / }).click()
  const dialog = page.getByRole('dialog', { name: 'Sync' })
  await dialog.locator('summary', { hasText: 'Connection settings' }).click()
  await dialog.getByRole('checkbox', { name: 'Use the signalling server of this app' }).uncheck()
  await dialog.getByRole('button', { name: 'Save connection settings' }).click()
  await dialog.getByRole('status').filter({ hasText: 'Connection settings saved' }).waitFor()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await dialog.waitFor({ state: 'detached' })
}

/**
 * Waits until the relay has acknowledged everything this device holds. A relay coming back after
 * a crash, on a busy machine, can take longer than a locator's usual wait; a failure says what
 * the toolbar showed instead.
 */
export const waitUntilRelayHolds = async (page: Page): Promise<void> => {
  try {
    await syncLabel(page).filter({ hasText: RELAY_HOLDS }).waitFor({ timeout: 180_000 })
  } catch (error) {
    const shown = await syncLabel(page).textContent().catch(() => null)
    throw new Error(`The relay did not come to hold this device's changes; the toolbar shows “${shown}”.`, { cause: error })
  }
}
