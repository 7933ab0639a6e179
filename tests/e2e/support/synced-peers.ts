import { afterAll, beforeAll } from 'vitest'
import { startSyncedAppServer, type SyncedAppServer } from './signalling'
import { closePeers, openPeer, type Peer } from './signalling-peers'

/** The app with its signalling server, and one device per name, for the tests of one file. */
export interface SyncedPeers<Names extends readonly string[]> {
  readonly server: SyncedAppServer
  /** One device per name, in the same order. */
  readonly peers: { readonly [K in keyof Names]: Peer }
}

const notYet = (what: string): never => {
  throw new Error(`${what} is only there once the file's tests have started (inside beforeAll or a test)`)
}

/**
 * Starts the built app with its loopback signalling server and a separate Chromium process for
 * each name before the file's tests, and closes them all after. The server and peers returned
 * can be kept in constants at the top of the file: they read the running ones when used.
 */
export const useSyncedPeers = <const Names extends readonly string[]>(names: Names): SyncedPeers<Names> => {
  let server: SyncedAppServer | null = null
  let running: Peer[] = []
  beforeAll(async () => {
    server = await startSyncedAppServer()
    const url = server.url
    running = await Promise.all(names.map((name) => openPeer(url, name)))
  })
  afterAll(async () => {
    await closePeers(running)
    await server?.close()
  })
  const current = (): SyncedAppServer => server ?? notYet('The app server')
  const peer = (index: number): Peer => running[index] ?? notYet(`The device of ${names[index]}`)
  return {
    server: {
      get url() {
        return current().url
      },
      get signallingUrl() {
        return current().signallingUrl
      },
      get traffic() {
        return current().traffic
      },
      close: () => current().close()
    },
    // A mapped tuple type has no map(): the array built here has one peer per name, as typed.
    peers: names.map((name, index) => ({
      name,
      get browser() {
        return peer(index).browser
      },
      get context() {
        return peer(index).context
      },
      get page() {
        return peer(index).page
      },
      get errors() {
        return peer(index).errors
      }
    })) as unknown as SyncedPeers<Names>['peers']
  }
}
