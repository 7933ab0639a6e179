import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { preview } from 'vite'
import { attachSignalling, SIGNALLING_PATH, type SignallingTraffic } from '../../../scripts/signalling-server.mjs'

const root = fileURLToPath(new URL('../../..', import.meta.url))

export interface SyncedAppServer {
  /** The app, e.g. http://127.0.0.1:PORT/ */
  url: string
  /** Where the app finds signalling by itself: ws://127.0.0.1:PORT/signal */
  signallingUrl: string
  /** Everything the signalling server saw, in order: upgrades, frames in and out. */
  traffic: SignallingTraffic[]
  close(): Promise<void>
}

export interface SyncedAppServerOptions {
  /** Serves more on the app's port (the relay: see startRelayedAppServer in ./relay.ts);
   * resolves with what stops it, run first by close(). */
  alsoAttach?: (server: import('node:http').Server) => Promise<() => Promise<void>>
}

/**
 * The built app and its signalling server on one loopback port, run in this process as
 * `npm start` runs them, with the signalling traffic recorded for the test to inspect.
 */
export const startSyncedAppServer = async (options: SyncedAppServerOptions = {}): Promise<SyncedAppServer> => {
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'silent',
    build: { outDir: process.env.MUTUAL_DIST ?? 'dist' },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false }
  })
  const traffic: SignallingTraffic[] = []
  const hub = attachSignalling(server.httpServer as import('node:http').Server, {
    path: SIGNALLING_PATH,
    // Every test browser connects from 127.0.0.1; the per-address limit is for the real world.
    maxConnectionsPerAddress: 1_000,
    onTraffic: (event) => traffic.push(event)
  })
  let detach: () => Promise<void> = async () => {}
  try {
    if (options.alsoAttach) detach = await options.alsoAttach(server.httpServer as import('node:http').Server)
  } catch (error) {
    await hub.close()
    await server.close()
    throw error
  }
  const { port } = server.httpServer.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    signallingUrl: `ws://127.0.0.1:${port}${SIGNALLING_PATH}`,
    traffic,
    async close() {
      await detach()
      await hub.close()
      await server.close()
    }
  }
}

/** Connections (by id) that opened after `since` entries of traffic had been recorded. */
export const connectionsSince = (traffic: SignallingTraffic[], since: number): number[] =>
  traffic.slice(since).flatMap((t) => (t.kind === 'upgrade' ? [t.connection] : []))

/** Every text the server could read: frames both ways, request paths and headers. */
export const readableTraffic = (traffic: SignallingTraffic[]): string =>
  traffic.map((t) => (t.kind === 'upgrade' ? `${t.url} ${JSON.stringify(t.headers)}` : t.text)).join('\n')
