import { lazy } from 'solid-js'
import type { ArtifactCreateProps } from '../workspace/artifact-views'
import { CreateButton } from '../artifacts/CreateButton'

const NewReportForm = lazy(() => import('./NewReportForm'))

export const NewReportButton = (props: ArtifactCreateProps) => (
  <CreateButton label="New report" title="New report" form={NewReportForm} {...props} />
)
