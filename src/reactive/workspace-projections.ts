import type * as Y from 'yjs'
import { readArtifactSummaries } from '../crdt/artifacts'
import { readMembers } from '../crdt/members'
import { readWorkspaceMeta } from '../crdt/workspace-meta'
import { artifactsMap, membersMap, metaMap } from '../crdt/workspace-doc'
import { createYProjection } from './create-y-projection'
import { ARTIFACT } from '../crdt/keys'

/** The workspace's details (name, councils, dates), live. */
export const createWorkspaceMeta = (doc: Y.Doc) =>
  createYProjection(doc, 'meta', () => metaMap(doc), () => readWorkspaceMeta(doc))

/** Every artifact's summary, newest edit first, live. */
export const createArtifactSummaries = (doc: Y.Doc) =>
  createYProjection(doc, 'artifacts', () => artifactsMap(doc), () => readArtifactSummaries(doc), touchesSummaries)

/**
 * Summaries read an artifact's own fields and its tags. Typing in a body (or any other data a
 * feature keeps below the artifact) changes neither, so it does not re-read every artifact.
 */
const touchesSummaries = (events: Y.YEvent<any>[]): boolean =>
  events.some((event) => event.path.length <= 1 || event.path[1] === ARTIFACT.tags)

/** People who have worked in this workspace, live. */
export const createMembers = (doc: Y.Doc) =>
  createYProjection(doc, 'members', () => membersMap(doc), () => readMembers(doc))
