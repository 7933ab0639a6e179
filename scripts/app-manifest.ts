import type { ManifestOptions } from 'vite-plugin-pwa'

/** The web app manifest: what makes Mutual installable, with icons served from the app itself. */
export const appManifest: Partial<ManifestOptions> = {
  name: 'Mutual — policy lab workspace',
  short_name: 'Mutual',
  description: 'A local-first workspace for multi-council policy labs. Your data stays on your devices.',
  lang: 'en-GB',
  start_url: './',
  scope: './',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#1d3557',
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
    { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
  ]
}
