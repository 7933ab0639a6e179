import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { preview, type PreviewServer } from 'vite'

const root = fileURLToPath(new URL('../../..', import.meta.url))

export interface AppServer {
  url: string
  close(): Promise<void>
}

/** Serves the built app (dist/) on a free loopback port, as `npm start` does. */
export const startAppServer = async (port = 0): Promise<AppServer> => {
  const server: PreviewServer = await preview({
    root,
    configFile: false,
    logLevel: 'silent',
    build: { outDir: process.env.MUTUAL_DIST ?? 'dist' },
    preview: { host: '127.0.0.1', port, strictPort: port !== 0, open: false }
  })
  const address = server.httpServer.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => server.close()
  }
}
