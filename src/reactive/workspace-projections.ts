import * as Y from 'yjs'
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
 * Each event is placed by walking up its parents, not by its `path`: a path finds every list
 * index on the way, and for a line of a 300-line plan budget that was a good part of an edit.
 */
const touchesSummaries = (events: Y.YEvent<any>[]): boolean => events.some(touchesSummary)

const touchesSummary = (event: Y.YEvent<any>): boolean => {
  // From the changed type up to the artifacts map: [changed, …, artifact's child, artifact].
  const chain: Y.AbstractType<any>[] = []
  for (let type: Y.AbstractType<any> | null = event.target; type && type !== event.currentTarget; type = type.parent) chain.push(type)
  if (chain.length <= 1) return true
  const artifact = chain[chain.length - 1]
  return artifact instanceof Y.Map && artifact.get(ARTIFACT.tags) === chain[chain.length - 2]
}

/** People who have worked in this workspace, live. */
export const createMembers = (doc: Y.Doc) =>
  createYProjection(doc, 'members', () => membersMap(doc), () => readMembers(doc))
