// The unit and e2e projects' global setup: one folder for the whole run, where the first relay file sets
// up the PGlite cluster that every relay folder then starts as a copy of (relay-data-dir.ts).
// Nothing is set up here, so a run with no relay file pays nothing. Removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'mutual-e2e-relay-template-'))
  project.provide('relayTemplateRoot', root)
  return () => rmSync(root, { recursive: true, force: true })
}
