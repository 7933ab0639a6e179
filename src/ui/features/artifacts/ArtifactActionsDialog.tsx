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

/** Rename an item, change its tags, or move it to the bin. */
export const ArtifactActionsDialog = (props: {
  doc: Y.Doc
  artifact: ArtifactSummary | null
  onClose: () => void
  onBinned: (artifact: ArtifactSummary) => void
}) => (
  <Dialog
    open={props.artifact !== null}
    title={props.artifact ? `Manage “${props.artifact.title || 'Untitled'}”` : 'Manage'}
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
  const [title, setTitle] = createSignal(props.artifact.title)
  const [tags, setTags] = createSignal(props.artifact.tags.join(', '))
  const [errors, setErrors] = createSignal<string[]>([])
  const kind = ARTIFACT_KIND_LABELS[props.artifact.kind].one.toLowerCase()

  return (
    <>
      <form
        class="stack"
        novalidate
        onSubmit={(event) => {
          event.preventDefault()
          const who = actor()
          const name = title().trim()
          const problems = titleProblems(name, kind)
          setErrors(problems)
          if (problems.length > 0 || !who) return
          const now = Date.now()
          if (name !== props.artifact.title) renameArtifact(props.doc, props.artifact.id, name, who, now)
          const wanted = parseTags(tags())
          if (wanted.join('\n') !== props.artifact.tags.join('\n')) setArtifactTags(props.doc, props.artifact.id, wanted, who, now)
          props.onClose()
        }}
      >
        <Show when={errors().length > 0}>
          <ErrorSummary errors={errors()} />
        </Show>
        <TextField label="Title" value={title()} onInput={setTitle} maxLength={MAX_TITLE_LENGTH} required />
        <TextField label="Tags" hint="Separated by commas, for example: housing, food" value={tags()} onInput={setTags} />
        <FormActions onCancel={props.onClose}>Save changes</FormActions>
      </form>
      <section class="stack bin-action" aria-label="Move to the bin">
        <p class="hint">
          The bin keeps the {kind} whole, with its comments. Anyone in the workspace can restore it.
        </p>
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
          Move to bin
        </button>
      </section>
    </>
  )
}
