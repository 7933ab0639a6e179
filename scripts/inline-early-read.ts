import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { bundleAsIife } from './iife-script.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const ENTRY = 'src/app/early-read-entry.ts'

/**
 * Puts the early read of a workspace's stored data (src/storage/early-read.ts) into
 * index.html's head as an inline script, so it starts while the page is parsed rather than
 * after the app's modules have loaded. The development server loads the same file as a
 * module instead.
 */
export const inlineEarlyRead = (): Plugin => ({
  name: 'mutual-inline-early-read',
  async transformIndexHtml(_html, context) {
    if (context.server) return [{ tag: 'script', attrs: { type: 'module', src: `/${ENTRY}` }, injectTo: 'head' }]
    const code = await bundleAsIife(root, fileURLToPath(new URL(`../${ENTRY}`, import.meta.url)), 'MutualEarlyRead')
    // Before any stylesheet: an inline script after one waits for it to load.
    return [{ tag: 'script', children: code, injectTo: 'head-prepend' }]
  }
})
