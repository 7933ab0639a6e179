// One e2e file's app server and the devices its people use, started before the file's tests and
// closed after them: the beforeAll/afterAll every relay file (and members-remove) would repeat.
import { afterAll, beforeAll } from 'vitest'
import { startRelayedAppServer, type RelayedAppServer } from './relay'
import { makeDevices, type Device } from './relay-devices'
import type { SyncedAppServer } from './signalling'

export interface AppWithDevices<Server extends SyncedAppServer> {
  /** The running server (read inside a test or hook; it is not there before the file starts). */
  readonly server: Server
  /** A person's device: a Chromium process on a profile kept on disk until the file ends. */
  device(): Device
  /** Stops the server before the file ends (to read what it stored once it is quiet); idempotent. */
  stopServer(): Promise<void>
}

/** `start` runs before the file's tests; the devices and then the server are closed after them. */
export const useAppWithDevices = <Server extends SyncedAppServer>(start: () => Promise<Server>): AppWithDevices<Server> => {
  let server: Server | null = null
  const devices = makeDevices()
  const stopServer = async (): Promise<void> => {
    const running = server
    server = null
    await running?.close()
  }
  beforeAll(async () => {
    server = await start()
  })
  afterAll(async () => {
    await devices.cleanUp()
    await stopServer()
  })
  return {
    get server() {
      if (!server) throw new Error('The app server is not running: it starts before the file’s tests and stops after them')
      return server
    },
    device: () => devices.device(),
    stopServer
  }
}

/** The built app with signalling and the relay next to it (see startRelayedAppServer), and devices. */
export const useRelayedAppServer = (options?: Parameters<typeof startRelayedAppServer>[0]): AppWithDevices<RelayedAppServer> =>
  useAppWithDevices(() => startRelayedAppServer(options))
