import { For, Show } from 'solid-js'
import { createWorkspaceMeta } from '../../../reactive/workspace-projections'
import type { ArtifactViewProps } from '../workspace/artifact-views'
import { DocumentPage } from '../editor/DocumentPage'
import { formatLongDate, labCouncils } from '../export/export-source'
import { ReportOutline } from './ReportOutline'

/** A draft report: outline with section assignments and word count beside the text. */
const ReportView = (props: ArtifactViewProps) => {
  const meta = createWorkspaceMeta(props.doc)
  return (
    <DocumentPage
      doc={props.doc}
      artifactId={props.artifactId}
      readOnly={props.readOnly}
      aside={(editing) => (
        <ReportOutline doc={props.doc} artifactId={props.artifactId} editing={editing} readOnly={props.readOnly} />
      )}
      printTitle={(summary) => (
        // The title page printed (or saved as PDF) before the report.
        <div class="report-title-page">
          <p class="report-title-page-title">{summary().title}</p>
          <p class="report-title-page-lab">{meta().name}</p>
          <Show when={(meta(), labCouncils(props.doc)).length > 0}>
            <ul class="report-title-page-councils">
              <For each={(meta(), labCouncils(props.doc))}>{(council) => <li>{council}</li>}</For>
            </ul>
          </Show>
          <p class="report-title-page-date">{formatLongDate(new Date())}</p>
        </div>
      )}
    />
  )
}

export default ReportView
