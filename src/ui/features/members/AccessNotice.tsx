import { Show } from 'solid-js'
import { accessNoticeOf } from '../../../domain/trust/role-capabilities'
import type { Role } from '../../../domain/trust/roles'
import { Alert } from '../../components/Alert'
import { t } from '../../i18n/t'

/**
 * A calm line at the top of the workspace for a viewer or a commenter, saying what they can
 * do, so the missing buttons are not a surprise; for a device whose join is still waiting for
 * its invitation to be confirmed, why it cannot change anything yet; and for a device that was
 * removed, that it keeps what it has and nothing more.
 */
export const AccessNotice = (props: { role: Role | null; removed: boolean; joining: boolean; name: string }) => (
  <Show
    when={!props.removed}
    fallback={
      <Alert tone="info" title={t('access.removed.title')}>
        <p>{t('access.removed.body', { name: props.name || t('invite.thisWorkspace') })}</p>
      </Alert>
    }
  >
    <Show when={props.joining}>
      <Alert tone="info" title={t('access.joining.title')}>
        <p>{t('access.joining.body')}</p>
      </Alert>
    </Show>
    <Show when={accessNoticeOf(props.role)}>
      {(notice) => (
        <Alert tone="info" title={notice() === 'view' ? t('access.view.title') : t('access.comment.title')}>
          <p>{notice() === 'view' ? t('access.view.body') : t('access.comment.body')}</p>
        </Alert>
      )}
    </Show>
  </Show>
)
