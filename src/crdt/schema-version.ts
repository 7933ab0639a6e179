import type * as Y from 'yjs'
import { META, ROOT } from './keys'
import { metaMap, hasWorkspaceContent } from './workspace-doc'

/** The document schema this build of Mutual reads and writes. */
export const CURRENT_SCHEMA_VERSION = 2

/**
 * Two numbers, kept apart on purpose (issue #9, "Schema versions cannot lock anyone out"):
 *
 * - The **stored version** in `meta` says which migrations have run. It only ever leads this
 *   build to migrate; a value above this build's is ignored. It used to decide whether a
 *   device could write, so one peer, or a file made by someone who knew only the workspace id,
 *   could set it to 999 and every device refused every edit for good.
 * - The **required version** is what the data needs: the highest format recorded in the
 *   `formats` map. A later Mutual that changes the data in a way older builds cannot read
 *   records `v<N>` there in the same transaction as the change; a change older builds can
 *   still read records nothing. A build that meets a format above its own opens the workspace
 *   read-only on its own device and writes nothing, so no other device is affected, and it is
 *   writable again as soon as the data no longer needs that format.
 */
export type SchemaCompatibility =
  | { status: 'empty' }
  | { status: 'current' }
  | { status: 'needs-migration'; from: number }
  | { status: 'newer'; version: number }

/** Version 0 stands for documents written before the version was recorded. */
export const readSchemaVersion = (doc: Y.Doc): number => {
  const value = metaMap(doc).get(META.schemaVersion)
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0
}

/** `v2` … `v999999`: anything else in the map is not a format record and is ignored. */
const FORMAT_KEY = /^v([1-9][0-9]{0,5})$/

/** The schema version the data itself needs, from the formats recorded in it. */
export const requiredSchemaVersion = (doc: Y.Doc): number => {
  let required = CURRENT_SCHEMA_VERSION
  for (const key of doc.getMap(ROOT.formats).keys()) {
    const match = FORMAT_KEY.exec(key)
    if (match) required = Math.max(required, Number(match[1]))
  }
  return required
}

/**
 * Format 2 (issue 15): version records stored relative to an earlier version
 * (crdt/version-records.ts). Releases before it list only full-snapshot versions, so they must
 * not write beside records they cannot read: they open the workspace read-only.
 */
export const COMPACT_VERSIONS_FORMAT = { version: 2, what: 'Versions are stored relative to an earlier version (docs/version-records.md).' } as const

/** Records that the data now needs `format`; call inside the transaction that makes it so. */
export const markFormat = (doc: Y.Doc, format: { version: number; what: string }): void => {
  const formats = doc.getMap<string>(ROOT.formats)
  const key = `v${format.version}`
  // Set once: every later write would add bytes that a `gc: false` document keeps for good.
  if (!formats.has(key)) formats.set(key, format.what)
}

export const checkSchemaCompatibility = (doc: Y.Doc): SchemaCompatibility => {
  if (!hasWorkspaceContent(doc)) return { status: 'empty' }
  const required = requiredSchemaVersion(doc)
  if (required > CURRENT_SCHEMA_VERSION) return { status: 'newer', version: required }
  const stored = readSchemaVersion(doc)
  if (stored < CURRENT_SCHEMA_VERSION) return { status: 'needs-migration', from: stored }
  return { status: 'current' }
}

/** Thrown when something tries to change a document this build cannot safely write. */
export class ReadOnlyWorkspaceError extends Error {
  constructor(readonly version: number) {
    super(
      `This workspace holds data from a newer version of Mutual (format ${version}) that this device cannot read, ` +
        'so it is open read-only on this device and nothing in it is changed. Other members’ devices are not affected.'
    )
    this.name = 'ReadOnlyWorkspaceError'
  }
}
