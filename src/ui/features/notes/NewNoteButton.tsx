import { lazy } from 'solid-js'
import type { ArtifactCreateProps } from '../workspace/artifact-views'
import { CreateButton } from '../artifacts/CreateButton'
import { t } from '../../i18n/t'

const NewNoteForm = lazy(() => import('./NewNoteForm'))

export const NewNoteButton = (props: ArtifactCreateProps) => {
  return <CreateButton label={t('create.newNote')} title={t('create.newNote')} form={NewNoteForm} {...props} />
}
