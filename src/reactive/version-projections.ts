import type * as Y from 'yjs'
import { readVersions, versionsMap } from '../crdt/versions'
import { createYProjection } from './create-y-projection'

/** The workspace's versions, newest first, live. */
export const createVersions = (doc: Y.Doc) =>
  createYProjection(doc, 'versions', () => versionsMap(doc), () => readVersions(doc))
