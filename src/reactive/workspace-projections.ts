import type * as Y from 'yjs'
import { readArtifactSummaries } from '../crdt/artifacts'
import { readMembers } from '../crdt/members'
import { readWorkspaceMeta } from '../crdt/workspace-meta'
import { artifactsMap, membersMap, metaMap } from '../crdt/workspace-doc'
import { createYProjection } from './create-y-projection'

/** The workspace's details (name, councils, dates), live. */
export const createWorkspaceMeta = (doc: Y.Doc) =>
  createYProjection(doc, 'meta', () => metaMap(doc), () => readWorkspaceMeta(doc))

/** Every artifact's summary, newest edit first, live. */
export const createArtifactSummaries = (doc: Y.Doc) =>
  createYProjection(doc, 'artifacts', () => artifactsMap(doc), () => readArtifactSummaries(doc))

/** People who have worked in this workspace, live. */
export const createMembers = (doc: Y.Doc) =>
  createYProjection(doc, 'members', () => membersMap(doc), () => readMembers(doc))
