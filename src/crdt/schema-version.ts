import type * as Y from 'yjs'
import { META } from './keys'
import { metaMap, hasWorkspaceContent } from './workspace-doc'

/** The document schema this build of Mutual reads and writes. */
export const CURRENT_SCHEMA_VERSION = 1

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

export const checkSchemaCompatibility = (doc: Y.Doc): SchemaCompatibility => {
  if (!hasWorkspaceContent(doc)) return { status: 'empty' }
  const version = readSchemaVersion(doc)
  if (version > CURRENT_SCHEMA_VERSION) return { status: 'newer', version }
  if (version < CURRENT_SCHEMA_VERSION) return { status: 'needs-migration', from: version }
  return { status: 'current' }
}

/** Thrown when something tries to change a document this build cannot safely write. */
export class ReadOnlyWorkspaceError extends Error {
  constructor(readonly version: number) {
    super(
      `This workspace was saved by a newer version of Mutual (format ${version}); ` +
        'it is open read-only so nothing in it is changed.'
    )
    this.name = 'ReadOnlyWorkspaceError'
  }
}
