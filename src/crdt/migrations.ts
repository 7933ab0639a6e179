import type * as Y from 'yjs'
import { META } from './keys'
import { mutate } from './mutate'
import { MIGRATION } from './origins'
import { CURRENT_SCHEMA_VERSION, readSchemaVersion, requiredSchemaVersion } from './schema-version'
import { metaMap, hasWorkspaceContent } from './workspace-doc'

/**
 * A migration moves a document from `from` to `from + 1`. Each must be deterministic and
 * idempotent: two peers may run the same migration concurrently and their writes must merge
 * to the same result.
 */
export interface Migration {
  from: number
  describe: string
  apply: (doc: Y.Doc) => void
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    describe: 'record the schema version on documents created before it was kept',
    apply: (doc) => {
      metaMap(doc).set(META.schemaVersion, 1)
    }
  },
  {
    from: 1,
    // Versions already stored stay full snapshots, read as keyframes: a `gc: false` document
    // keeps every byte ever written, so rewriting them would only make it bigger. Versions
    // written from now on are compact, and the first of them records format 2.
    describe: 'store new versions relative to an earlier one; existing versions stay as they are',
    apply: () => {}
  }
]

export type MigrationResult =
  | { status: 'unchanged' }
  | { status: 'migrated'; from: number; to: number }
  | { status: 'too-new'; version: number }

/** Brings a document up to this build's schema, in one transaction. */
export const migrateWorkspace = (
  doc: Y.Doc,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION
): MigrationResult => {
  if (!hasWorkspaceContent(doc)) return { status: 'unchanged' }
  const required = requiredSchemaVersion(doc)
  if (required > target) return { status: 'too-new', version: required }
  const from = readSchemaVersion(doc)
  // A stored version above this build's, with no data that needs it, is left as it is: it
  // neither blocks writing nor is worth a write of its own (schema-version.ts).
  if (from >= target) return { status: 'unchanged' }
  // Find every step before writing anything: Yjs does not roll a transaction back, so a
  // chain that broke half-way would leave the document part-migrated.
  const steps: Migration[] = []
  for (let version = from; version < target; version++) {
    const step = migrations.find((m) => m.from === version)
    if (!step) throw new Error(`No migration from schema version ${version}`)
    steps.push(step)
  }
  mutate(
    doc,
    () => {
      for (const step of steps) {
        step.apply(doc)
        metaMap(doc).set(META.schemaVersion, step.from + 1)
      }
    },
    MIGRATION
  )
  return { status: 'migrated', from, to: target }
}
