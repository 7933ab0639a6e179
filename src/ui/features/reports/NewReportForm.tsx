import { createSignal } from 'solid-js'
import { createReport } from '../../../crdt/report-sections'
import { readWorkspaceMeta } from '../../../crdt/workspace-meta'
import { REPORT_TEMPLATES } from '../../../domain/templates/report-templates'
import type { NewArtifactFormProps } from '../artifacts/CreateButton'
import { NewDocumentForm } from '../artifacts/NewDocumentForm'
import { localisedReportTemplates } from '../artifacts/localised-document-templates'
import { t } from '../../i18n/t'

/** Name a report and choose its template (the CCIN lab report's sections, or blank). */
const NewReportForm = (props: NewArtifactFormProps) => {
  const lab = readWorkspaceMeta(props.doc).name
  const [templateId, setTemplateId] = createSignal(REPORT_TEMPLATES[0]!.id)
  // Until the person types a title, it follows the interface language, as the template's headings do.
  const [title, setTitle] = createSignal<string | null>(null)
  const shownTitle = () => title() ?? (lab ? t('report.template.defaultTitle', { lab }) : t('report.template.ccin-lab-report.title'))
  return (
    <NewDocumentForm
      {...props}
      kind="report"
      templates={localisedReportTemplates()}
      templateId={templateId()}
      onTemplate={setTemplateId}
      title={shownTitle()}
      onTitle={setTitle}
      create={(template, name, who) => createReport(props.doc, { title: name, template }, who, Date.now())}
    />
  )
}

export default NewReportForm
