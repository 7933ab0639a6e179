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

/** A lab keeps a version for every day someone edits: the overview lists the latest few. */
const VERSIONS_PREVIEW = 10

export const VERSION_KIND_LABELS: Record<VersionKind, string> = {
  named: 'Named',
  'first-edit-of-day': 'Automatic',
  'before-restore': 'Automatic',
  'before-import': 'Automatic'
}

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
        ? `Restored the lab’s details from “${versionName}”. A version of what was there before was saved.`
        : `“${versionName}” could not be read, so nothing was restored.`
    )
    // The list is redrawn with the new "before restoring" version: focus goes to the message.
    focusAfterRender(() => noticeLine)
  }

  const save = (event: SubmitEvent): void => {
    event.preventDefault()
    const who = actor()
    const trimmed = name().trim()
    if (!trimmed) {
      setError('Give the version a name, for example “Sent to CCIN board, 12 March”.')
      return
    }
    if (!who) return
    createVersion(props.doc, { name: trimmed.slice(0, 120), kind: 'named' }, who, Date.now())
    setError(undefined)
    setName('')
    setNotice(`Saved version “${trimmed}”.`)
  }

  return (
    <section class="panel" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <form class="inline-form" onSubmit={save} novalidate>
        <TextField
          label="Name this version"
          hint="Everyone in the workspace sees it, and can go back to it."
          value={name()}
          onInput={setName}
          error={error()}
          maxLength={120}
          disabled={props.readOnly}
        />
        <button type="submit" class="button" disabled={props.readOnly}>
          Save version
        </button>
      </form>
      <Show when={notice()}>
        <p ref={noticeLine} class="status-line status-ok" role="status" tabindex="-1">
          {notice()}
        </p>
      </Show>
      <Show when={versions().length > 0} fallback={<p class="muted">No versions yet.</p>}>
        <ul class="version-list" id="version-list" aria-label="Versions of this workspace">
          <For each={recent.listed()}>
            {(v) => (
              <li>
                <div>
                  <span class="version-name">{v.name}</span>{' '}
                  <span class="tag">{VERSION_KIND_LABELS[v.kind]}</span>
                  <p class="meta">
                    <RelativeTime time={v.createdAt} /> · {v.createdBy.name} ({v.createdBy.organisation})
                  </p>
                </div>
                <button
                  type="button"
                  class="button small"
                  disabled={props.readOnly}
                  aria-label={`Restore details from ${v.name}`}
                  onClick={() => setRestoring({ versionId: v.id, versionName: v.name })}
                >
                  Restore details
                </button>
              </li>
            )}
          </For>
        </ul>
        <Show when={recent.shortened()}>
          <ShowAllToggle
            list={recent}
            controls="version-list"
            more={`Show all ${versions().length} versions`}
            fewer={`Show the ${VERSIONS_PREVIEW} most recent versions`}
          />
        </Show>
      </Show>
      <RestoreVersionDialog subject="the lab’s details" plural request={restoring()} onRestore={restoreDetails} onClose={() => setRestoring(null)} />
    </section>
  )
}
