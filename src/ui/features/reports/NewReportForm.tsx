import { Show, createSignal, createUniqueId } from 'solid-js'
import { createReport } from '../../../crdt/report-sections'
import { readWorkspaceMeta } from '../../../crdt/workspace-meta'
import { REPORT_TEMPLATES, findReportTemplate } from '../../../domain/templates/report-templates'
import { useActor } from '../../app-context'
import { ErrorSummary } from '../../components/ErrorList'
import { titleProblems } from '../../../domain/artifact-title'
import { TemplateChoice } from '../artifacts/TemplateChoice'
import { href, navigate } from '../../router'
import type { NewArtifactFormProps } from '../artifacts/CreateButton'
import '../notes/new-document.css'

/** Name a report and choose its template (the CCIN lab report's sections, or blank). */
const NewReportForm = (props: NewArtifactFormProps) => {
  const actor = useActor()
  const id = createUniqueId()
  const lab = readWorkspaceMeta(props.doc).name
  const [templateId, setTemplateId] = createSignal(REPORT_TEMPLATES[0]!.id)
  const [title, setTitle] = createSignal(lab ? `${lab}: lab report` : 'Lab report')
  const [errors, setErrors] = createSignal<string[]>([])

  const submit = (event: SubmitEvent): void => {
    event.preventDefault()
    const template = findReportTemplate(templateId())
    const name = title().trim()
    const problems = [
      ...titleProblems(name, 'report'),
      ...(template ? [] : ['Choose a template'])
    ]
    setErrors(problems)
    const who = actor()
    if (problems.length > 0 || !template || !who) return
    const reportId = createReport(props.doc, { title: name, template }, who, Date.now())
    props.onCreated()
    navigate(href.artifact(props.workspaceId, reportId))
  }

  return (
    <form class="stack new-document-form" onSubmit={submit} novalidate>
      <Show when={errors().length > 0}>
        <ErrorSummary errors={errors()} />
      </Show>
      <div class="field">
        <label for={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          type="text"
          maxLength={200}
          value={title()}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </div>
      <TemplateChoice templates={REPORT_TEMPLATES} chosen={templateId()} onChoose={setTemplateId} />
      <div class="actions">
        <button type="submit" class="button primary">
          Create report
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

export default NewReportForm
