import type { IncomingMessage } from 'node:http'
import net, { type AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
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
  server.httpServer.on('upgrade', forwardToLoopbackPort)
  const address = server.httpServer.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => server.close()
  }
}

/** The path under which the app server forwards a WebSocket to another loopback port. */
const FORWARD_PATH = /^\/relay-on\/(\d{2,5})(\/[^\s]*)$/

/**
 * A relay run on its own port, reached through the app's origin, as a host's reverse proxy puts
 * it (the built page's Content-Security-Policy lets the app connect only to its own origin and the
 * addresses the host lists). `ws://127.0.0.1:<app>/relay-on/<port>/relay` is piped, bytes as they
 * are, to `127.0.0.1:<port>/relay`; killing that process closes the piped socket like a proxy's.
 */
const forwardToLoopbackPort = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
  const match = FORWARD_PATH.exec(request.url ?? '')
  // Nothing else here takes WebSockets (no /signal, no /relay): refuse at once, as a server
  // without an upgrade handler does, rather than leave the socket hanging.
  if (!match) {
    socket.destroy()
    return
  }
  const upstream = net.connect({ host: '127.0.0.1', port: Number(match[1]) })
  const headerLines: string[] = []
  for (let i = 0; i < request.rawHeaders.length; i += 2) headerLines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`)
  upstream.once('connect', () => {
    upstream.write(`${request.method} ${match[2]} HTTP/1.1\r\n${headerLines.join('\r\n')}\r\n\r\n`)
    if (head.length > 0) upstream.write(head)
    upstream.pipe(socket)
    socket.pipe(upstream)
  })
  upstream.on('error', () => socket.destroy())
  socket.on('error', () => upstream.destroy())
  upstream.on('close', () => socket.destroy())
  socket.on('close', () => upstream.destroy())
}

/** The address through the app's origin (see forwardToLoopbackPort) of a relay on `relayUrl`'s port. */
export const relayThroughApp = (appUrl: string, relayUrl: string): string => {
  const relay = new URL(relayUrl)
  const app = new URL(appUrl)
  return `ws://${app.host}/relay-on/${relay.port}${relay.pathname}`
}
