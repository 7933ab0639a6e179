import type { Plugin } from 'vite'

const ENTRY = 'src/app/early-open-entry.ts'
const ENTRY_NAME = 'early-open'

/**
 * Builds the early open of a workspace (src/app/early-open-entry.ts) as an entry of its own
 * and puts its script ahead of the app's in index.html. Vite folds every module script of a
 * page into one entry, which would make the workspace's load wait for the whole app's code;
 * as a separate module graph of its own, it runs as soon as its few modules (Yjs and the
 * workspace's storage) have loaded. Module scripts run in document order, so the app's script
 * still runs after it; modules the two share are one instance, in shared chunks.
 */
export const earlyOpenScript = (): Plugin => ({
  name: 'mutual-early-open-script',
  config: (_config, { command }) =>
    command === 'build' ? { build: { rollupOptions: { input: { index: 'index.html', [ENTRY_NAME]: ENTRY } } } } : {},
  transformIndexHtml: {
    order: 'post',
    handler(_html, context) {
      if (context.server) return [{ tag: 'script', attrs: { type: 'module', src: `/${ENTRY}` }, injectTo: 'head' }]
      const chunk = Object.values(context.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === ENTRY_NAME)
      if (!chunk) throw new Error(`The build has no ${ENTRY_NAME} entry chunk`)
      return [{ tag: 'script', attrs: { type: 'module', crossorigin: true, src: `/${chunk.fileName}` }, injectTo: 'head-prepend' }]
    }
  }
})
