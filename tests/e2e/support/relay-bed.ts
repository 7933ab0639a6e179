// What every relay-process e2e file needs: the built app on its own (no signalling, no relay of
// its own, so nothing travels peer to peer), devices with profiles on disk, and the relay's
// database of either kind, all cleaned up after each test.
import { rmSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { PersonDetails } from './app-driver'
import { startAppServer, type AppServer } from './app-server'
import { requirePostgres } from '../../unit/relay/support/test-stores'
import { dropRelayDatabase, TEST_DATABASE_URL, uniqueRelaySchema, type RelayDatabase } from './relay-database'
import { makeRelayDataDir } from './relay-data-dir'
import { makeDevices, type Device } from './relay-devices'
import { stopRelayProcesses } from './relay-process'
import { fillProfile } from './signalling-peers'

export interface RelayBed {
  readonly app: AppServer
  device(): Device
}

export const useRelayBed = (): RelayBed => {
  let app: AppServer | null = null
  const devices = makeDevices()
  beforeAll(async () => {
    app = await startAppServer()
  })
  afterEach(async () => {
    await devices.cleanUp()
    await stopRelayProcesses()
  })
  afterAll(async () => {
    await app?.close()
  })
  return {
    get app() {
      if (!app) throw new Error('The app server is not running')
      return app
    },
    device: () => devices.device()
  }
}

/** Runs `test` with a fresh relay database of that kind, then stops the relays and removes it. */
export const withRelayDatabase = async (kind: RelayDatabase['kind'], test: (database: RelayDatabase) => Promise<void>): Promise<void> => {
  // Fails (never skips) with how to start PostgreSQL when it cannot be reached.
  if (kind === 'postgres') await requirePostgres()
  const database: RelayDatabase =
    kind === 'pglite'
      ? { kind, dataDir: await makeRelayDataDir() }
      : { kind, databaseUrl: TEST_DATABASE_URL, schema: uniqueRelaySchema() }
  try {
    await test(database)
  } finally {
    await stopRelayProcesses()
    if (database.kind === 'pglite') rmSync(database.dataDir, { recursive: true, force: true })
    else await dropRelayDatabase(database)
  }
}

/** Opens an invitation on a device with no profile yet, joins, and waits for the workspace. */
export const joinThroughInvite = async (page: Page, link: string, person: PersonDetails, lab: string): Promise<void> => {
  await page.goto(link)
  await fillProfile(page, person)
  await page.getByRole('button', { name: 'Join workspace' }).click()
  await page.getByRole('heading', { level: 1, name: lab }).waitFor()
}
