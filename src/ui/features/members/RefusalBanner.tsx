import { Show, createSignal, onCleanup } from 'solid-js'
import type { WorkspaceTrust } from '../../../app/workspace-trust'
import type { TrustNotice } from '../../../domain/trust/trust-notice'
import { formatBytes } from '../../../domain/storage-health'
import { Alert } from '../../components/Alert'
import { locale } from '../../i18n/current-locale'
import { t } from '../../i18n/t'

/** The notice in the chosen language (re-read when the language changes). */
const noticeText = (notice: TrustNotice): string =>
  notice.kind === 'refused'
    ? t(`members.notice.${notice.reason}`)
    : t('members.notice.unsent', { size: formatBytes(notice.bytes, locale()), largest: formatBytes(notice.largest, locale()) })

/**
 * Says plainly when another device refused one of this device's changes (docs/trust.md,
 * "Signed changes"), or when one was too large to send: the change stays here but nobody else has it.
 */
export const RefusalBanner = (props: { trust: WorkspaceTrust }) => {
  const [notice, setNotice] = createSignal(props.trust.refusal())
  onCleanup(props.trust.subscribe(() => setNotice(props.trust.refusal())))
  return (
    <Show when={notice()}>
      {(said) => (
        <Alert tone="warning" title={t('members.notice.title')}>
          <p>{noticeText(said())}</p>
          <button type="button" class="button" onClick={() => props.trust.dismissRefusal()}>
            {t('members.notice.dismiss')}
          </button>
        </Alert>
      )}
    </Show>
  )
}
