import { For, Show, createSignal } from 'solid-js'
import type * as Y from 'yjs'
import { createVersion, restoreWorkspaceDetailsToVersion } from '../../../crdt/versions'
import type { VersionKind } from '../../../domain/version'
import { createVersions } from '../../../reactive/version-projections'
import { useActor } from '../../app-context'
import { RelativeTime } from '../../components/RelativeTime'
import { ShowAllToggle } from '../../components/ShowAllToggle'
import { TextField } from '../../components/TextField'
import { createShortList } from '../../components/create-short-list'
import { RestoreVersionDialog, type RestoreRequest } from './RestoreVersionDialog'
import { focusAfterRender } from '../../components/focus-after-render'
import { t } from '../../i18n/t'
import { versionName } from './version-name'

/** A lab keeps a version for every day someone edits: the overview lists the latest few. */
const VERSIONS_PREVIEW = 10

/** "Named" for a version someone named, "Automatic" for the rest, in the interface language. */
export const versionKindLabel = (kind: VersionKind): string => t(kind === 'named' ? 'versionKind.named' : 'versionKind.automatic')

/**
 * Named versions of the whole workspace ("Sent to CCIN board, 12 March") and the automatic
 * ones, with a way to put the lab's details back as they were.
 */
export const VersionsPanel = (props: { doc: Y.Doc; readOnly: boolean }) => {
  const actor = useActor()
  const versions = createVersions(props.doc)
  const recent = createShortList({ items: versions, limit: VERSIONS_PREVIEW })
  const [name, setName] = createSignal('')
  const [error, setError] = createSignal<string | undefined>()
  const [notice, setNotice] = createSignal<string | null>(null)
  const [restoring, setRestoring] = createSignal<RestoreRequest | null>(null)
  let noticeLine: HTMLParagraphElement | undefined

  const restoreDetails = ({ versionId, versionName }: RestoreRequest): void => {
    const who = actor()
    setRestoring(null)
    if (!who) return
    setNotice(
      restoreWorkspaceDetailsToVersion(props.doc, versionId, who, Date.now())
        ? t('versions.restoredDetails', { version: versionName })
        : t('versions.unreadable', { version: versionName })
    )
    // The list is redrawn with the new "before restoring" version: focus goes to the message.
    focusAfterRender(() => noticeLine)
  }

  const save = (event: SubmitEvent): void => {
    event.preventDefault()
    const who = actor()
    const trimmed = name().trim()
    if (!trimmed) {
      setError(t('versions.nameMissing'))
      return
    }
    if (!who) return
    createVersion(props.doc, { name: trimmed.slice(0, 120), kind: 'named' }, who, Date.now())
    setError(undefined)
    setName('')
    setNotice(t('versions.saved', { version: trimmed }))
  }

  return (
    <section class="panel" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('versions.title')}</h2>
      <form class="inline-form" onSubmit={save} novalidate>
        <TextField
          label={t('versions.name')}
          hint={t('versions.nameHint')}
          value={name()}
          onInput={setName}
          error={error()}
          maxLength={120}
          disabled={props.readOnly}
        />
        <button type="submit" class="button" disabled={props.readOnly}>
          {t('versions.save')}
        </button>
      </form>
      <Show when={notice()}>
        <p ref={noticeLine} class="status-line status-ok" role="status" tabindex="-1">
          {notice()}
        </p>
      </Show>
      <Show when={versions().length > 0} fallback={<p class="muted">{t('versions.none')}</p>}>
        <ul class="version-list" id="version-list" aria-label={t('versions.listLabel')}>
          <For each={recent.listed()}>
            {(v) => (
              <li>
                <div>
                  <span class="version-name">{versionName(v)}</span>{' '}
                  <span class="tag">{versionKindLabel(v.kind)}</span>
                  <p class="meta">
                    <RelativeTime time={v.createdAt} /> · {v.createdBy.name} ({v.createdBy.organisation})
                  </p>
                </div>
                <button
                  type="button"
                  class="button small"
                  disabled={props.readOnly}
                  aria-label={t('versions.restoreDetailsNamed', { version: versionName(v) })}
                  onClick={() => setRestoring({ versionId: v.id, versionName: versionName(v) })}
                >
                  {t('versions.restoreDetails')}
                </button>
              </li>
            )}
          </For>
        </ul>
        <Show when={recent.shortened()}>
          <ShowAllToggle
            list={recent}
            controls="version-list"
            more={t('versions.showAll', { count: versions().length })}
            fewer={t('versions.showRecent', { count: VERSIONS_PREVIEW })}
          />
        </Show>
      </Show>
      <RestoreVersionDialog subject="" details request={restoring()} onRestore={restoreDetails} onClose={() => setRestoring(null)} />
    </section>
  )
}
