import { useActor, useApp, useMemberId } from '../../app-context'
import { PageHeading } from '../../components/PageHeading'
import { href, navigate } from '../../router'
import { createWorkspace } from '../../../storage/workspace-library'
import { WorkspaceDetailsForm } from './WorkspaceDetailsForm'
import { t } from '../../i18n/t'

export const CreateWorkspacePage = () => {
  const app = useApp()
  const actor = useActor()
  const memberId = useMemberId()
  return (
    <section class="narrow stack">
      <nav aria-label={t('breadcrumb.label')}>
        <a href={href.home}>{t('workspaces.title')}</a>
      </nav>
      <PageHeading title={t('createWorkspace.title')} />
      <p class="lead">{t('createWorkspace.lead')}</p>
      <WorkspaceDetailsForm
        submitLabel={t('createWorkspace.submit')}
        onSave={async (details) => {
          const who = actor()
          if (!who) throw new Error(t('createWorkspace.needsProfile'))
          const entry = await createWorkspace(app.registry, details, who, Date.now(), memberId())
          void app.requestPersistence()
          navigate(href.workspace(entry.id))
        }}
        onCancel={() => navigate(href.home)}
      />
    </section>
  )
}
