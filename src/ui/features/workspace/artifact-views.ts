import type { Component } from 'solid-js'
import type * as Y from 'yjs'
import type { ArtifactKind } from '../../../domain/artifact'
import type { ArtifactId } from '../../../domain/ids'
import type { WorkspaceSession } from '../../../storage/workspace-session'

/** What a feature's view of one artifact receives from the workspace page. */
export interface ArtifactViewProps {
  session: WorkspaceSession
  doc: Y.Doc
  artifactId: ArtifactId
  readOnly: boolean
}

/**
 * How each artifact kind plugs into the workspace: the view that opens one artifact (load it
 * with `lazy(() => import(...))` so its code stays out of the initial bundle). Features add
 * one entry here; the workspace page and sidebar read nothing else.
 */
export interface ArtifactKindView {
  View: Component<ArtifactViewProps>
}

export const ARTIFACT_VIEWS: Partial<Record<ArtifactKind, ArtifactKindView>> = {}
