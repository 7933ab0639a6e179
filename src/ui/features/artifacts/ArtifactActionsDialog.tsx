import { Show, createSignal } from 'solid-js'
import type * as Y from 'yjs'
import { moveArtifactToBin, renameArtifact, setArtifactTags } from '../../../crdt/artifacts'
import { ARTIFACT_KIND_LABELS, type ArtifactSummary } from '../../../domain/artifact'
import { parseTags } from '../../../domain/tags'
import { MAX_TITLE_LENGTH, titleProblems } from '../../../domain/artifact-title'
import { useActor } from '../../app-context'
import { Dialog } from '../../components/Dialog'
import { ErrorSummary } from '../../components/ErrorList'
import { TextField } from '../../components/TextField'
import { FormActions } from '../../components/FormActions'
import { t } from '../../i18n/t'
import { kindSelector } from '../../i18n/kind-label'
import { artifactTitle } from '../../i18n/artifact-title'

/** Rename an item, change its tags, or move it to the bin. */
export const ArtifactActionsDialog = (props: {
  doc: Y.Doc
  artifact: ArtifactSummary | null
  onClose: () => void
  onBinned: (artifact: ArtifactSummary) => void
  /** Where focus goes once the item has left the list its "⋯" button was in. */
  returnFocus?: () => HTMLElement | null
}) => (
  <Dialog
    open={props.artifact !== null}
    returnFocus={props.returnFocus}
    title={props.artifact ? t('sidebar.manage', { title: artifactTitle(props.artifact) }) : t('sidebar.manageUntitled')}
    onClose={props.onClose}
  >
    <Show when={props.artifact} keyed>
      {(artifact) => <ActionsForm doc={props.doc} artifact={artifact} onClose={props.onClose} onBinned={props.onBinned} />}
    </Show>
  </Dialog>
)

const ActionsForm = (props: {
  doc: Y.Doc
  artifact: ArtifactSummary
  onClose: () => void
  onBinned: (artifact: ArtifactSummary) => void
}) => {
  const actor = useActor()
  const [title, setTitle] = createSignal(props.artifact.title ? artifactTitle(props.artifact) : '')
  const [tags, setTags] = createSignal(props.artifact.tags.join(', '))
  const [errors, setErrors] = createSignal<string[]>([])

  return (
    <>
      <form
        class="stack"
        novalidate
        onSubmit={(event) => {
          event.preventDefault()
          const who = actor()
          const name = title().trim()
          const problems = titleProblems(name, props.artifact.kind)
          setErrors(problems)
          if (problems.length > 0 || !who) return
          const now = Date.now()
          // The field showed a title Mutual gave in this reader's language: left as it was, it is no rename.
          if (name !== props.artifact.title && name !== artifactTitle(props.artifact)) renameArtifact(props.doc, props.artifact.id, name, who, now)
          const wanted = parseTags(tags())
          if (wanted.join('\n') !== props.artifact.tags.join('\n')) setArtifactTags(props.doc, props.artifact.id, wanted, who, now)
          props.onClose()
        }}
      >
        <Show when={errors().length > 0}>
          <ErrorSummary errors={errors()} />
        </Show>
        <TextField label={t('manage.title')} value={title()} onInput={setTitle} maxLength={MAX_TITLE_LENGTH} required />
        <TextField label={t('manage.tags')} hint={t('manage.tagsHint')} value={tags()} onInput={setTags} />
        <FormActions onCancel={props.onClose}>{t('manage.save')}</FormActions>
      </form>
      <section class="stack bin-action" aria-label={t('manage.binSection')}>
        <p class="hint">{t('manage.binHint', { kind: kindSelector(props.artifact.kind) })}</p>
        <button
          type="button"
          class="button danger-outline"
          onClick={() => {
            const who = actor()
            if (!who) return
            moveArtifactToBin(props.doc, props.artifact.id, who, Date.now())
            props.onBinned(props.artifact)
            props.onClose()
          }}
        >
          {t('manage.moveToBin')}
        </button>
      </section>
    </>
  )
}
