import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'
import { VitePWA } from 'vite-plugin-pwa'
import { appManifest } from './scripts/app-manifest.ts'

// The whole app is precached by a Workbox-generated service worker so that, after one
// visit, Mutual starts with the network switched off. Nothing is fetched from another host.
export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: appManifest,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024
      }
    })
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
