import { build } from 'vite'

/**
 * Bundles one entry file (and what it imports) into a single classic script (an IIFE that
 * defines `globalThis[globalName]` with the entry's exports), for inlining into a page:
 * the app's early read in index.html, and the benchmarks' in-page probes.
 */
export const bundleAsIife = async (root: string, entryPath: string, globalName: string): Promise<string> => {
  const output = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry: entryPath, formats: ['iife'], name: globalName, fileName: () => `${globalName}.js` }
    }
  })
  const results = Array.isArray(output) ? output : [output]
  for (const result of results) {
    if (!('output' in result)) continue
    const chunk = result.output.find((o) => o.type === 'chunk')
    if (chunk && chunk.type === 'chunk') return chunk.code
  }
  throw new Error(`Bundling ${entryPath} produced no script`)
}
