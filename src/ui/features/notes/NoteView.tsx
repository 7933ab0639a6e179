import type { ArtifactViewProps } from '../workspace/artifact-views'
import { DocumentPage } from '../editor/DocumentPage'
import { NoteDetailsForm } from './NoteDetailsForm'

/** One action-research note: its details form above the rich text. */
const NoteView = (props: ArtifactViewProps) => (
  <DocumentPage
    doc={props.doc}
    artifactId={props.artifactId}
    readOnly={props.readOnly}
    before={(summary) => (
      <NoteDetailsForm
        doc={props.doc}
        artifactId={props.artifactId}
        tags={summary().tags}
        readOnly={props.readOnly || summary().deletedAt !== null}
      />
    )}
  />
)

export default NoteView
