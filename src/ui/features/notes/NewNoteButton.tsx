import { lazy, onMount } from 'solid-js'
import type { ArtifactCreateProps } from '../workspace/artifact-views'
import { CreateButton } from '../artifacts/CreateButton'
import { prefetchEditor } from '../editor/prefetch'
import { t } from '../../i18n/t'

const NewNoteForm = lazy(() => import('./NewNoteForm'))

export const NewNoteButton = (props: ArtifactCreateProps) => {
  // The sidebar shows this as soon as a workspace is open: a good moment to warm the editor.
  onMount(prefetchEditor)
  return <CreateButton label={t('create.newNote')} title={t('create.newNote')} form={NewNoteForm} {...props} />
}
