// Serves the built app (dist/) on loopback and prints its address. `npm start` builds first.
// Later parts of Mutual add the loopback signalling server here, so one command runs everything.
import { preview } from 'vite'

const port = Number(process.env.PORT ?? 4173)
const server = await preview({
  configFile: false,
  root: new URL('..', import.meta.url).pathname,
  preview: { host: '127.0.0.1', port, strictPort: false, open: false },
  logLevel: 'warn'
})
const address = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`
console.log(`\nMutual is running at ${address}\nPress Ctrl+C to stop.\n`)
