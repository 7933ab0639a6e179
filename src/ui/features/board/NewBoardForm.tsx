import { For, Show, createSignal, createUniqueId } from 'solid-js'
import { createBoard } from '../../../crdt/board'
import { BOARD_TEMPLATES } from '../../../domain/board-templates'
import { localisedBoardTemplates } from './localised-board-templates'
import { useApp } from '../../app-context'
import { ErrorSummary } from '../../components/ErrorList'
import type { NewArtifactFormProps } from '../artifacts/CreateButton'
import { href, navigate } from '../../router'
import './board.css'
import { t } from '../../i18n/t'

const OWN = 'own'
const MAX_COLUMNS = 12

/** Name a board and choose its columns: from a template, or one's own list. */
export const NewBoardForm = (props: NewArtifactFormProps) => {
  const app = useApp()
  const id = createUniqueId()
  const [title, setTitle] = createSignal('')
  const [template, setTemplate] = createSignal<string>(BOARD_TEMPLATES[1]?.id ?? 'blank')
  const [own, setOwn] = createSignal('')
  const [errors, setErrors] = createSignal<string[]>([])

  const columns = (): string[] =>
    template() === OWN
      ? own()
          .split('\n')
          .map((c) => c.trim())
          .filter(Boolean)
      : [...(localisedBoardTemplates().find((choice) => choice.id === template())?.columns ?? [])]

  const submit = (event: SubmitEvent): void => {
    event.preventDefault()
    const problems: string[] = []
    const name = title().trim()
    if (!name) problems.push(t('board.new.nameMissing'))
    if (columns().length === 0) problems.push(t('board.new.columnsMissing'))
    if (columns().length > MAX_COLUMNS) problems.push(t('board.new.tooManyColumns', { max: MAX_COLUMNS }))
    setErrors(problems)
    const read = app.profile()
    if (problems.length > 0 || read.status !== 'ok') return
    const me = read.profile
    const boardId = createBoard(
      props.doc,
      { title: name, columns: columns() },
      { memberId: me.id, name: me.name, organisation: me.organisation },
      Date.now()
    )
    props.onCreated()
    navigate(href.artifact(props.workspaceId, boardId))
  }

  return (
    <form class="stack new-board-form" onSubmit={submit} novalidate>
      <Show when={errors().length > 0}>
        <ErrorSummary errors={errors()} />
      </Show>
      <div class="field">
        <label for={`${id}-title`}>{t('board.new.name')}</label>
        <input
          id={`${id}-title`}
          type="text"
          maxLength={120}
          value={title()}
          placeholder={t('board.new.namePlaceholder')}
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
      </div>
      <fieldset class="field template-choice">
        <legend>{t('board.new.startFrom')}</legend>
        <For each={localisedBoardTemplates()}>
          {(choice) => (
            <label class="template-option">
              <input
                type="radio"
                name={`${id}-template`}
                value={choice.id}
                checked={template() === choice.id}
                onChange={() => setTemplate(choice.id)}
              />
              <span>
                <span class="template-name">{choice.name}</span>
                <span class="hint">
                  {t('board.new.columnsList', { description: choice.description, columns: choice.columns.join(', ') })}
                </span>
              </span>
            </label>
          )}
        </For>
        <label class="template-option">
          <input type="radio" name={`${id}-template`} value={OWN} checked={template() === OWN} onChange={() => setTemplate(OWN)} />
          <span>
            <span class="template-name">{t('board.new.own')}</span>
            <span class="hint">{t('board.new.own.hint')}</span>
          </span>
        </label>
      </fieldset>
      <Show when={template() === OWN}>
        <div class="field">
          <label for={`${id}-own`}>{t('board.new.ownColumns')}</label>
          <textarea id={`${id}-own`} rows={4} value={own()} onInput={(event) => setOwn(event.currentTarget.value)} />
        </div>
      </Show>
      <div class="actions">
        <button type="submit" class="button primary">
          {t('board.new.create')}
        </button>
        <button type="button" class="button" onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
