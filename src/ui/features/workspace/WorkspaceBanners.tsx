import { Match, Show, Switch, createSignal } from 'solid-js'
import type { WorkspaceSession } from '../../../storage/workspace-session'
import { encodeWorkspaceFile } from '../../../storage/workspace-file'
import { readWorkspaceMeta } from '../../../crdt/workspace-meta'
import type { RegistryEntry } from '../../../domain/registry-entry'
import { Alert } from '../../components/Alert'
import { downloadBytes, fileNameFor } from '../../download'
import type { SessionStorageState } from './use-workspace-session'
import { t } from '../../i18n/t'
import { translateKnown } from '../../../domain/i18n/known-text'

/** Everything a person must know about the safety of this workspace's copy, right now. */
export const WorkspaceBanners = (props: {
  session: WorkspaceSession
  entry: RegistryEntry
  storage: SessionStorageState | null
}) => {
  const [retrying, setRetrying] = createSignal(false)
  const exportReadable = (): void => {
    const meta = readWorkspaceMeta(props.session.doc)
    const file = encodeWorkspaceFile(
      {
        format: 1,
        workspaceId: props.entry.id,
        secret: props.entry.secret,
        name: meta.name || props.entry.name,
        exportedAt: Date.now()
      },
      props.session.doc
    )
    downloadBytes(file, fileNameFor(meta.name || props.entry.name, 'mutual'))
  }
  const compatibility = () => props.session.compatibility()
  return (
    <div class="banners">
      <Show when={compatibility().status === 'newer'}>
        <Alert tone="warning" title={t('banner.readOnly.title')}>
          <p>{t('banner.readOnly.body')}</p>
        </Alert>
      </Show>
      <Switch>
        <Match when={props.storage?.persistence.status === 'damaged' && props.storage.persistence}>
          {(damaged) => (
            <Alert tone="error" title={t('banner.damaged.title')}>
              <p>{t('banner.damaged.count', { unreadable: damaged().unreadableRows, total: damaged().totalRows })}</p>
              <p>{t('banner.damaged.next')}</p>
              <button type="button" class="button" onClick={exportReadable}>
                {t('banner.damaged.export')}
              </button>
            </Alert>
          )}
        </Match>
        <Match when={props.storage?.persistence.status === 'unavailable' && props.storage.persistence}>
          {(unavailable) => (
            <Alert tone="error" title={t('banner.notSaving.title')}>
              <p>{translateKnown(t, unavailable().problem.message)}</p>
              <button type="button" class="button" onClick={exportReadable}>
                {t('banner.export')}
              </button>
            </Alert>
          )}
        </Match>
      </Switch>
      <Show when={props.storage?.writeProblem}>
        {(problem) => (
          <Alert tone="error" title={t('banner.writeProblem.title')}>
            <p>{translateKnown(t, problem().message)}</p>
            <div class="actions">
              <button
                type="button"
                class="button"
                disabled={retrying()}
                onClick={async () => {
                  setRetrying(true)
                  await props.session.persistence.retrySave()
                  setRetrying(false)
                }}
              >
                {t('banner.retrySave')}
              </button>
              <button type="button" class="button" onClick={exportReadable}>
                {t('banner.export')}
              </button>
            </div>
          </Alert>
        )}
      </Show>
    </div>
  )
}
