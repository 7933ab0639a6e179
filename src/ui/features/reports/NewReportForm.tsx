import { createSignal } from 'solid-js'
import { createReport } from '../../../crdt/report-sections'
import { readWorkspaceMeta } from '../../../crdt/workspace-meta'
import { REPORT_TEMPLATES } from '../../../domain/templates/report-templates'
import type { NewArtifactFormProps } from '../artifacts/CreateButton'
import { NewDocumentForm } from '../artifacts/NewDocumentForm'

/** Name a report and choose its template (the CCIN lab report's sections, or blank). */
const NewReportForm = (props: NewArtifactFormProps) => {
  const lab = readWorkspaceMeta(props.doc).name
  const [templateId, setTemplateId] = createSignal(REPORT_TEMPLATES[0]!.id)
  const [title, setTitle] = createSignal(lab ? `${lab}: lab report` : 'Lab report')
  return (
    <NewDocumentForm
      {...props}
      kind="report"
      templates={REPORT_TEMPLATES}
      templateId={templateId()}
      onTemplate={setTemplateId}
      title={title()}
      onTitle={setTitle}
      create={(template, name, who) => createReport(props.doc, { title: name, template }, who, Date.now())}
    />
  )
}

export default NewReportForm
