import { fileURLToPath } from 'node:url'
import { bundleAsIife } from '../../../scripts/iife-script'

const root = fileURLToPath(new URL('../../..', import.meta.url))

/**
 * Bundles a bench entry file (and what it imports, e.g. yjs) into one IIFE script that
 * defines `window[globalName]`, for injecting into a page after the app has loaded.
 */
export const buildPageScript = (entry: string, globalName: string): Promise<string> =>
  bundleAsIife(root, fileURLToPath(new URL(entry, import.meta.url)), globalName)
