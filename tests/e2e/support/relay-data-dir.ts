// A new, empty folder for a relay's PGlite, ready to open in seconds rather than a minute.
//
// PGlite sets up a new cluster (its initdb) the first time it opens an empty folder: on a busy
// two-core machine that took 25-46 s, paid again by every relay test file before its first test.
// Here the first relay file of a run sets one cluster up, in a folder the unit and e2e projects'
// global setup made for the run (relay-template-setup.ts), and every relay folder afterwards starts as a
// copy of it: the same bytes PGlite would write, with no relay table in them yet, so the relay
// still creates its own tables as it does on a host's first start. Opening a copy costs what
// reopening a relay's folder costs. (`npm start`'s first start, from an empty folder, is still
// driven end to end by serve-script.ts, which does not use this.)
import { cpSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import { openPgliteThread } from '../../../scripts/relay/pglite-thread.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder that lasts for the whole run, for the ready-made PGlite cluster (see above). */
    relayTemplateRoot: string
  }
}

/** The template's folder for this run; undefined outside the unit and e2e projects (the benches). */
const templateRoot = (): string | undefined => {
  try {
    return inject('relayTemplateRoot')
  } catch {
    return undefined
  }
}

/** The run's ready-made cluster, set up by the first caller; later callers find it there. */
const readyTemplate = async (root: string): Promise<string> => {
  const template = join(root, 'pglite-cluster')
  if (existsSync(template)) return template
  // Set up aside and renamed into place whole, so no caller ever copies a half-written cluster.
  const building = mkdtempSync(join(root, 'building-'))
  try {
    const db = await openPgliteThread({ dataDir: building })
    await db.close()
    renameSync(building, template)
  } catch (error) {
    rmSync(building, { recursive: true, force: true })
    // Another file of the same run got there first: use theirs.
    if (!existsSync(template)) throw error
  }
  return template
}

/**
 * Puts the run's empty PGlite cluster into `dir` if `dir` is empty (a folder with anything in it
 * is a relay's data, kept as it is). PGlite opens the copy as it would have opened the empty folder.
 */
export const seedRelayDataDir = async (dir: string): Promise<void> => {
  const root = templateRoot()
  if (!root || readdirSync(dir).length > 0) return
  cpSync(await readyTemplate(root), dir, { recursive: true })
}

/** A new folder (under the system's temporary folder) holding an empty PGlite cluster; the caller removes it. */
export const makeRelayDataDir = async (prefix = 'mutual-e2e-relay-'): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  await seedRelayDataDir(dir)
  return dir
}
