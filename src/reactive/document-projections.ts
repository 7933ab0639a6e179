import type * as Y from 'yjs'
import { artifactMap } from '../crdt/artifacts'
import { commentsMap, readCommentAnchors, readCommentThreads } from '../crdt/comments'
import { readNoteMeta } from '../crdt/note-meta'
import { REPORT_SECTIONS_FIELD, readSectionAssignments } from '../crdt/report-sections'
import { artifactsMap } from '../crdt/workspace-doc'
import type { ArtifactId } from '../domain/ids'
import { createYProjection } from './create-y-projection'

/**
 * Live views of a note's details, a report's section assignments and an artifact's comment
 * threads. Each observes the narrowest Yjs type that holds its data; an artifact made by an
 * older build that lacks that type is observed whole until it appears.
 */

const recordOrAll = (doc: Y.Doc, id: ArtifactId): Y.AbstractType<any> => artifactMap(doc, id) ?? artifactsMap(doc)

export const createNoteMeta = (doc: Y.Doc, id: ArtifactId) =>
  createYProjection(doc, `note-meta:${id}`, () => recordOrAll(doc, id), () => readNoteMeta(doc, id))

export const createSectionAssignments = (doc: Y.Doc, id: ArtifactId) =>
  createYProjection(
    doc,
    `report-sections:${id}`,
    () => {
      const sections = artifactMap(doc, id)?.get(REPORT_SECTIONS_FIELD)
      return sections && typeof sections === 'object' && 'observeDeep' in sections
        ? (sections as Y.AbstractType<any>)
        : recordOrAll(doc, id)
    },
    () => readSectionAssignments(doc, id)
  )

export const createCommentThreads = (doc: Y.Doc, id: ArtifactId) =>
  createYProjection(doc, `comments:${id}`, () => commentsMap(doc, id) ?? recordOrAll(doc, id), () =>
    readCommentThreads(doc, id)
  )

/** Comment anchors, for the editor's highlights (not a store: anchors are Yjs values). */
export { readCommentAnchors }
