import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const root = fileURLToPath(new URL('../../..', import.meta.url))

/**
 * Bundles a bench entry file (and what it imports, e.g. yjs) into one IIFE script that
 * defines `window[globalName]`, for injecting into a page after the app has loaded.
 */
export const buildPageScript = async (entry: string, globalName: string): Promise<string> => {
  const output = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry: fileURLToPath(new URL(entry, import.meta.url)), formats: ['iife'], name: globalName, fileName: () => `${globalName}.js` }
    }
  })
  const results = Array.isArray(output) ? output : [output]
  for (const result of results) {
    if (!('output' in result)) continue
    const chunk = result.output.find((o) => o.type === 'chunk')
    if (chunk && chunk.type === 'chunk') return chunk.code
  }
  throw new Error(`Building ${entry} for the page produced no script`)
}
