import { Show, createSignal, createUniqueId, type JSX } from 'solid-js'
import type { Actor } from '../../../domain/artifact'
import { MAX_TITLE_LENGTH, titleProblems } from '../../../domain/artifact-title'
import type { ArtifactId } from '../../../domain/ids'
import type { DocumentTemplate } from '../../../domain/templates/template'
import { useActor } from '../../app-context'
import { ErrorSummary } from '../../components/ErrorList'
import { href, navigate } from '../../router'
import type { NewArtifactFormProps } from './CreateButton'
import { TemplateChoice } from './TemplateChoice'
import './new-document.css'
import { t } from '../../i18n/t'

/**
 * The form that makes a note or a report: any fields of its own first (a note's type), a
 * title, and the template to start from. On success it opens the new document.
 */
export const NewDocumentForm = <T extends DocumentTemplate>(
  props: NewArtifactFormProps & {
    kind: 'note' | 'report'
    templates: readonly T[]
    templateId: string
    onTemplate: (id: string) => void
    title: string
    onTitle: (title: string) => void
    create: (template: T, title: string, actor: Actor) => ArtifactId
    children?: JSX.Element
  }
) => {
  const actor = useActor()
  const id = createUniqueId()
  const [errors, setErrors] = createSignal<string[]>([])
  const submit = (event: SubmitEvent): void => {
    event.preventDefault()
    const template = props.templates.find((candidate) => candidate.id === props.templateId)
    const name = props.title.trim()
    const problems = [...titleProblems(name, props.kind), ...(template ? [] : [t('newDocument.chooseTemplate')])]
    setErrors(problems)
    const who = actor()
    if (problems.length > 0 || !template || !who) return
    const created = props.create(template, name, who)
    props.onCreated()
    navigate(href.artifact(props.workspaceId, created))
  }
  return (
    <form class="stack new-document-form" onSubmit={submit} novalidate>
      <Show when={errors().length > 0}>
        <ErrorSummary errors={errors()} />
      </Show>
      {props.children}
      <TemplateChoice templates={props.templates} chosen={props.templateId} onChoose={props.onTemplate} />
      <div class="field">
        <label for={`${id}-title`}>{t('newDocument.title')}</label>
        <input
          id={`${id}-title`}
          type="text"
          maxLength={MAX_TITLE_LENGTH}
          value={props.title}
          onInput={(e) => props.onTitle(e.currentTarget.value)}
        />
      </div>
      <div class="actions">
        <button type="submit" class="button primary">
          {t('newDocument.create', { kind: props.kind })}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
