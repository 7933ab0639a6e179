import * as Y from 'yjs'
import type { ArtifactId } from '../domain/ids'

/**
 * An artifact's own document (docs/artifact-documents.md): its content, loaded when it is
 * opened. Like the workspace document, `gc: false`, so versions can show and restore what was
 * deleted; its guid is the artifact's id.
 */
export const makeArtifactDoc = (id: ArtifactId): Y.Doc => new Y.Doc({ guid: id, gc: false })
