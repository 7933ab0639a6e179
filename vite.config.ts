import { defineConfig, type Plugin } from 'vite'
import solid from 'vite-plugin-solid'
import { VitePWA } from 'vite-plugin-pwa'
import { appManifest } from './scripts/app-manifest.ts'
import { inlineEarlyRead } from './scripts/inline-early-read.ts'
import { earlyOpenScript } from './scripts/early-open-script.ts'
import { charsetFirst } from './scripts/charset-first.ts'
import { cspMeta } from './scripts/csp-meta.ts'

/**
 * `npm run dev` serves the signalling server at /signal and the relay at /relay beside the app,
 * as `npm start` does, so live sync works in development with no configuration. (Vite's own
 * live-reload socket keeps its own upgrade path.)
 */
const devSignalling = (): Plugin => ({
  name: 'mutual-dev-signalling',
  apply: 'serve',
  async configureServer(server) {
    const http = server.httpServer
    if (!http) return
    const { attachSignalling, SIGNALLING_PATH } = await import('./scripts/signalling-server.mjs')
    // Vite types its server as HTTP/1 or HTTP/2; without `server.https` (never set here) it is HTTP/1.
    const signalling = attachSignalling(http as import('node:http').Server, { path: SIGNALLING_PATH })
    const { attachRelay, RELAY_PATH } = await import('./scripts/relay/attach-relay.mjs')
    const { relayLimitsFromEnv } = await import('./scripts/relay/limits.mjs')
    const { openRelayStoreFromEnv } = await import('./scripts/relay/open-store.mjs')
    const limits = relayLimitsFromEnv(process.env)
    const { store, where } = await openRelayStoreFromEnv(process.env, limits)
    const relay = attachRelay(http as import('node:http').Server, { path: RELAY_PATH, store, limits })
    server.config.logger.info(`Relay at ${RELAY_PATH}, keeping sealed entries with ${where}`)
    http.once('close', () => {
      void signalling.close()
      void relay.close().then(() => store.close())
    })
  }
})

// The whole app is precached by a Workbox-generated service worker so that, after one
// visit, Mutual starts with the network switched off. Nothing is fetched from another host.
export default defineConfig({
  plugins: [
    devSignalling(),
    inlineEarlyRead(),
    earlyOpenScript(),
    solid(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: appManifest,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
        navigateFallback: 'index.html',
        // On a first visit the page loaded before the service worker existed: claimed once the
        // app is saved, what it fetches later (the file-check worker, screens loaded on demand)
        // comes from the saved copy, so going offline then still leaves everything working.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024
      }
    }),
    charsetFirst(),
    cspMeta()
  ],
  resolve: {
    // One copy of yjs in the bundle: two copies break `instanceof` checks inside Yjs.
    dedupe: ['yjs', 'lib0']
  },
  build: {
    // MUTUAL_DIST lets parallel test runs build into separate folders.
    outDir: process.env.MUTUAL_DIST ?? 'dist',
    target: 'es2022',
    sourcemap: true
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' }
})
