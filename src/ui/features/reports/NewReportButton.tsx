import { lazy } from 'solid-js'
import type { ArtifactCreateProps } from '../workspace/artifact-views'
import { CreateButton } from '../artifacts/CreateButton'
import { t } from '../../i18n/t'

const NewReportForm = lazy(() => import('./NewReportForm'))

export const NewReportButton = (props: ArtifactCreateProps) => (
  <CreateButton label={t('create.newReport')} title={t('create.newReport')} form={NewReportForm} {...props} />
)
