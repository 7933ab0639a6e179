// Serves the built app (dist/, or MUTUAL_DIST) on loopback, with the signalling server on the
// same port at /signal, and prints its address. `npm start` builds first. The app finds the
// signalling server next to itself, so two browser windows sync with no configuration.
import { preview } from 'vite'
import { attachSignalling, SIGNALLING_PATH } from './signalling-server.mjs'

const port = Number(process.env.PORT ?? 4173)
const server = await preview({
  configFile: false,
  root: new URL('..', import.meta.url).pathname,
  build: { outDir: process.env.MUTUAL_DIST ?? 'dist' },
  preview: { host: '127.0.0.1', port, strictPort: false, open: false },
  logLevel: 'warn'
})
const signalling = attachSignalling(server.httpServer, { path: SIGNALLING_PATH })
const address = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`
const signallingAddress = new URL(SIGNALLING_PATH, address.replace(/^http/, 'ws')).toString()
console.log(`\nMutual is running at ${address}\nLive sync (signalling) at ${signallingAddress}\nPress Ctrl+C to stop.\n`)

const stop = async () => {
  await signalling.close()
  await server.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
