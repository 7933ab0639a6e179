import { lazy, type Component } from 'solid-js'
import type * as Y from 'yjs'
import type { ArtifactKind } from '../../../domain/artifact'
import type { ArtifactId } from '../../../domain/ids'
import type { WorkspaceSession } from '../../../storage/workspace-session'
import { NewBoardButton } from '../board/NewBoardButton'
import { NewNoteButton } from '../notes/NewNoteButton'
import { NewReportButton } from '../reports/NewReportButton'
import { NewPartnerMapButton } from '../partner-map/NewPartnerMapButton'
import { NewLabPlanButton } from '../lab-plan/NewLabPlanButton'

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
  /** Optional "New …" control the sidebar shows in this kind's group. Keep it small. */
  Create?: Component<ArtifactCreateProps>
}

/** What a kind's "New …" control receives. */
export interface ArtifactCreateProps {
  doc: Y.Doc
  workspaceId: string
  readOnly: boolean
}

export const ARTIFACT_VIEWS: Partial<Record<ArtifactKind, ArtifactKindView>> = {
  note: {
    View: lazy(() => import('../notes/NoteView')),
    Create: NewNoteButton
  },
  report: {
    View: lazy(() => import('../reports/ReportView')),
    Create: NewReportButton
  },
  'partner-map': {
    View: lazy(() => import('../partner-map/PartnerMapView')),
    Create: NewPartnerMapButton
  },
  board: {
    View: lazy(() => import('../board/BoardView')),
    Create: NewBoardButton
  },
  'lab-plan': {
    View: lazy(() => import('../lab-plan/LabPlanView')),
    Create: NewLabPlanButton
  }
}
