import { For, Show, createSignal, createUniqueId } from 'solid-js'
import { createBoard } from '../../../crdt/board'
import { BOARD_TEMPLATES } from '../../../domain/board-templates'
import { useApp } from '../../app-context'
import { ErrorSummary } from '../../components/ErrorList'
import type { NewArtifactFormProps } from '../artifacts/CreateButton'
import { href, navigate } from '../../router'
import './board.css'

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
      : [...(BOARD_TEMPLATES.find((t) => t.id === template())?.columns ?? [])]

  const submit = (event: SubmitEvent): void => {
    event.preventDefault()
    const problems: string[] = []
    const name = title().trim()
    if (!name) problems.push('Enter a name for the board')
    if (columns().length === 0) problems.push('Write at least one column name, one per line')
    if (columns().length > MAX_COLUMNS) problems.push(`Use ${MAX_COLUMNS} columns or fewer`)
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
        <label for={`${id}-title`}>Board name</label>
        <input
          id={`${id}-title`}
          type="text"
          maxLength={120}
          value={title()}
          placeholder="For example: Warm spaces review, 12 March"
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
      </div>
      <fieldset class="field template-choice">
        <legend>Start from</legend>
        <For each={BOARD_TEMPLATES}>
          {(t) => (
            <label class="template-option">
              <input
                type="radio"
                name={`${id}-template`}
                value={t.id}
                checked={template() === t.id}
                onChange={() => setTemplate(t.id)}
              />
              <span>
                <span class="template-name">{t.name}</span>
                <span class="hint">{t.description} Columns: {t.columns.join(', ')}.</span>
              </span>
            </label>
          )}
        </For>
        <label class="template-option">
          <input type="radio" name={`${id}-template`} value={OWN} checked={template() === OWN} onChange={() => setTemplate(OWN)} />
          <span>
            <span class="template-name">My own columns</span>
            <span class="hint">Name each column yourself.</span>
          </span>
        </label>
      </fieldset>
      <Show when={template() === OWN}>
        <div class="field">
          <label for={`${id}-own`}>Columns, one per line</label>
          <textarea id={`${id}-own`} rows={4} value={own()} onInput={(event) => setOwn(event.currentTarget.value)} />
        </div>
      </Show>
      <div class="actions">
        <button type="submit" class="button primary">
          Create board
        </button>
        <button type="button" class="button" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  )
}
