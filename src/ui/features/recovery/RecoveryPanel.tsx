import { For, Show, createResource, createSignal } from 'solid-js'
import type { CheckpointListItem, LocalHistory } from '../../../app/local-history'
import type { RestoreDeletedResult } from '../../../crdt/checkpoints'
import type { CheckpointHolds, CheckpointReason } from '../../../domain/checkpoint'
import { plural } from '../../../domain/plural'
import { formatBytes } from '../../../domain/storage-health'
import { formatAbsolute } from '../../components/RelativeTime'
import { ShowAllToggle } from '../../components/ShowAllToggle'
import { createShortList } from '../../components/create-short-list'
import { focusAfterRender } from '../../components/focus-after-render'
import { useLocalHistory } from './local-history-context'
import { t } from '../../i18n/t'

const CHECKPOINTS_PREVIEW = 8

const reasonLabel = (reason: CheckpointReason): string => t(`recovery.reason.${reason}`)

const describeHolds = (h: CheckpointHolds): string =>
  [plural(h.artifacts, 'item'), h.binned > 0 ? `${h.binned} in the bin` : '', plural(h.versions, 'version')].filter(Boolean).join(', ')

const describeResult = (r: Extract<RestoreDeletedResult, { ok: true }>): string => {
  const parts = [
    r.artifacts > 0 ? plural(r.artifacts, 'deleted item') : '',
    r.unbinned > 0 ? `${plural(r.unbinned, 'item')} from the bin` : '',
    r.texts > 0 ? `the text of ${plural(r.texts, 'item')}` : '',
    r.versions > 0 ? plural(r.versions, 'version') : ''
  ].filter(Boolean)
  if (parts.length === 0) return 'Nothing had been deleted since then, so nothing changed.'
  return `Brought back ${parts.join(', ')}. Everyone in the workspace gets them back, and a version of what was there before was saved.`
}

/** Restoring from a checkpoint, with the message that says what came back. */
const createRestore = (history: () => LocalHistory | null, readOnly: () => boolean) => {
  const [notice, setNotice] = createSignal<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = createSignal(false)
  let noticeLine: HTMLParagraphElement | undefined
  const restore = async (id: number): Promise<void> => {
    const h = history()
    if (!h || busy() || readOnly()) return
    setBusy(true)
    try {
      const result = await h.restore(id)
      setNotice(result.ok ? { ok: true, text: describeResult(result) } : { ok: false, text: `Nothing was restored: ${result.message}` })
    } finally {
      setBusy(false)
    }
    // The flag (and the button pressed) may be gone: focus goes to what happened.
    focusAfterRender(() => noticeLine)
  }
  return { notice, busy, restore, noticeRef: (el: HTMLParagraphElement) => (noticeLine = el) }
}

const NoticeLine = (props: { notice: { ok: boolean; text: string } | null; ref: (el: HTMLParagraphElement) => void }) => (
  <Show when={props.notice}>
    {(n) => (
      <p ref={props.ref} class={`status-line ${n().ok ? 'status-ok' : 'status-error'}`} role="status" tabindex="-1">
        {n().text}
      </p>
    )}
  </Show>
)

/**
 * "Restore the workspace as it was at …", from this device's own history: every checkpoint this
 * device keeps, with what it held.
 */
export const RecoveryPanel = (props: { readOnly: boolean }) => {
  const history = useLocalHistory()
  const [checkpoints] = createResource(
    () => {
      const h = history()
      return h ? { h, changes: h.changes() } : null
    },
    ({ h }) => h.checkpoints()
  )
  const items = (): readonly CheckpointListItem[] => checkpoints.latest ?? []
  const recent = createShortList({ items, limit: CHECKPOINTS_PREVIEW })
  const { notice, busy, restore, noticeRef } = createRestore(history, () => props.readOnly)

  const totalBytes = (): number => items().reduce((sum, c) => sum + c.bytes, 0)

  return (
    <Show when={history()}>
      {(h) => (
        <section class="panel recovery" aria-labelledby="recovery-title">
          <h2 id="recovery-title">{t('recovery.title')}</h2>
          <p>{t('recovery.intro')}</p>
          <NoticeLine notice={notice()} ref={noticeRef} />
          <Show when={items().length > 0} fallback={<p class="muted">{t('recovery.none')}</p>}>
            <p class="meta">
              {t('recovery.kept', { count: items().length, size: formatBytes(totalBytes()) })}
            </p>
            <ul class="version-list" id="checkpoint-list" aria-label={t('recovery.listLabel')}>
              <For each={recent.listed()}>
                {(c) => (
                  <li>
                    <div>
                      <span class="version-name">{formatAbsolute(c.at)}</span> <span class="tag">{reasonLabel(c.reason)}</span>
                      <p class="meta">
                        {[c.label, c.holds ? describeHolds(c.holds) : ''].filter(Boolean).join(' · ')}
                      </p>
                    </div>
                    <button
                      type="button"
                      class="button small"
                      aria-disabled={busy() || props.readOnly || undefined}
                      aria-label={`${t('recovery.restoreAt', { when: formatAbsolute(c.at) })}${c.label ? `, ${c.label}` : ''}`}
                      onClick={() => void restore(c.id)}
                    >
                      {t('bin.restore')}
                    </button>
                  </li>
                )}
              </For>
            </ul>
            <Show when={recent.shortened()}>
              <ShowAllToggle
                list={recent}
                controls="checkpoint-list"
                more={t('recovery.showAll', { count: items().length })}
                fewer={t('recovery.showRecent', { count: CHECKPOINTS_PREVIEW })}
              />
            </Show>
          </Show>
        </section>
      )}
    </Show>
  )
}

/**
 * On the overview, at the top: most of the work (or every version) was just deleted by one
 * member, with who it was and a one-step restore from the checkpoint taken just before.
 */
export const DeletionFlag = (props: { readOnly: boolean }) => {
  const history = useLocalHistory()
  const { notice, busy, restore, noticeRef } = createRestore(history, () => props.readOnly)
  const flagged = () => history()?.flagged() ?? null
  return (
    <>
      <Show when={flagged()}>
        {(flag) => (
          <div class="alert alert-warning" role="alert">
            <p class="alert-title">
              {[
                flag().burst.artifactsRemoved > 0 ? plural(flag().burst.artifactsRemoved, 'item') : '',
                flag().burst.versionsRemoved > 0 ? plural(flag().burst.versionsRemoved, 'version') : ''
              ]
                .filter(Boolean)
                .join(' and ')}{' '}
              deleted in a few minutes{flag().burst.by ? ` by ${flag().burst.by}` : ''}
            </p>
            <p>
              Between {formatAbsolute(flag().burst.startedAt)} and {formatAbsolute(flag().burst.lastAt)}. This device
              kept the workspace as it was just before. Restoring brings back what was deleted for everyone, and keeps
              anything done since.
            </p>
            <div class="actions">
              <button
                type="button"
                class="button primary"
                aria-disabled={busy() || props.readOnly || undefined}
                onClick={() => void restore(flag().checkpointId)}
              >
                Restore everything that was deleted
              </button>
              <button type="button" class="button" onClick={() => history()?.dismissFlag()}>
                It was meant to happen
              </button>
            </div>
          </div>
        )}
      </Show>
      <NoticeLine notice={notice()} ref={noticeRef} />
    </>
  )
}
