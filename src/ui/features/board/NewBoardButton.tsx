import { lazy } from 'solid-js'
import type { ArtifactCreateProps } from '../workspace/artifact-views'
import { CreateButton } from '../artifacts/CreateButton'
import { t } from '../../i18n/t'

const NewBoardForm = lazy(() => import('./NewBoardForm').then((m) => ({ default: m.NewBoardForm })))

/** The sidebar's "New board": the template choice opens in a dialog. */
export const NewBoardButton = (props: ArtifactCreateProps) => (
  <CreateButton
    label={t('create.newBoard')}
    title={t('create.newBoardTitle')}
    form={NewBoardForm}
    doc={props.doc}
    workspaceId={props.workspaceId}
    readOnly={props.readOnly}
  />
)
