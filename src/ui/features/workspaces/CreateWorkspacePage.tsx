import { useActor, useApp, useMemberId } from '../../app-context'
import { PageHeading } from '../../components/PageHeading'
import { href, navigate } from '../../router'
import { createWorkspace } from '../../../storage/workspace-library'
import { WorkspaceDetailsForm } from './WorkspaceDetailsForm'

export const CreateWorkspacePage = () => {
  const app = useApp()
  const actor = useActor()
  const memberId = useMemberId()
  return (
    <section class="narrow stack">
      <nav aria-label="Breadcrumb">
        <a href={href.home}>Your workspaces</a>
      </nav>
      <PageHeading title="New policy lab workspace" />
      <p class="lead">A workspace holds everything of one lab: its notes, reports, partner map and workshop boards.</p>
      <WorkspaceDetailsForm
        submitLabel="Create workspace"
        onSave={async (details) => {
          const who = actor()
          if (!who) throw new Error('Set up your profile first.')
          const entry = await createWorkspace(app.registry, details, who, Date.now(), memberId())
          void app.requestPersistence()
          navigate(href.workspace(entry.id))
        }}
        onCancel={() => navigate(href.home)}
      />
    </section>
  )
}
