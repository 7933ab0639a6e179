import { For, Show, createResource, createSignal } from 'solid-js'
import type { CheckpointListItem, LocalHistory } from '../../../app/local-history'
import type { CheckpointReason } from '../../../domain/checkpoint'
import { formatAbsolute } from '../../components/RelativeTime'
import { ShowAllToggle } from '../../components/ShowAllToggle'
import { createShortList } from '../../components/create-short-list'
import { focusAfterRender } from '../../components/focus-after-render'
import { useLocalHistory } from './local-history-context'
import { currentTranslator, t } from '../../i18n/t'
import { checkpointLabel, deletionFlagTitle, describeHolds, describeKept, describeListToggle, describeRestore } from './describe-recovery'
import { locale } from '../../i18n/current-locale'

const CHECKPOINTS_PREVIEW = 8

const reasonLabel = (reason: CheckpointReason): string => t(`recovery.reason.${reason}`)

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
      setNotice({ ok: result.ok, text: describeRestore(currentTranslator(), result) })
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
  const toggle = () => describeListToggle(currentTranslator(), items(), CHECKPOINTS_PREVIEW)
  const { notice, busy, restore, noticeRef } = createRestore(history, () => props.readOnly)

  return (
    <Show when={history()}>
      {(h) => (
        <section class="panel recovery" aria-labelledby="recovery-title">
          <h2 id="recovery-title">{t('recovery.title')}</h2>
          <p>{t('recovery.intro')}</p>
          <NoticeLine notice={notice()} ref={noticeRef} />
          <Show when={items().length > 0} fallback={<p class="muted">{t('recovery.none')}</p>}>
            <p class="meta">{describeKept(currentTranslator(), locale(), items())}</p>
            <ul class="version-list" id="checkpoint-list" aria-label={t('recovery.listLabel')}>
              <For each={recent.listed()}>
                {(c) => {
                  const label = (): string | null => checkpointLabel(currentTranslator(), c)
                  return (
                    <li>
                      <div>
                        <span class="version-name">{formatAbsolute(c.at)}</span> <span class="tag">{reasonLabel(c.reason)}</span>
                        <p class="meta">
                          {[label(), c.holds ? describeHolds(currentTranslator(), c.holds) : ''].filter(Boolean).join(' · ')}
                        </p>
                      </div>
                      <button
                        type="button"
                        class="button small"
                        aria-disabled={busy() || props.readOnly || undefined}
                        aria-label={`${t('recovery.restoreAt', { when: formatAbsolute(c.at) })}${label() ? `, ${label()}` : ''}`}
                        onClick={() => void restore(c.id)}
                      >
                        {t('bin.restore')}
                      </button>
                    </li>
                  )
                }}
              </For>
            </ul>
            <Show when={recent.shortened()}>
              <ShowAllToggle
                list={recent}
                controls="checkpoint-list"
                more={toggle().more}
                fewer={toggle().fewer}
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
            <p class="alert-title">{deletionFlagTitle(currentTranslator(), flag().burst)}</p>
            <p>{t('recovery.flag.body', { from: formatAbsolute(flag().burst.startedAt), to: formatAbsolute(flag().burst.lastAt) })}</p>
            <div class="actions">
              <button
                type="button"
                class="button primary"
                aria-disabled={busy() || props.readOnly || undefined}
                onClick={() => void restore(flag().checkpointId)}
              >
                {t('recovery.flag.restore')}
              </button>
              <button type="button" class="button" onClick={() => history()?.dismissFlag()}>
                {t('recovery.flag.dismiss')}
              </button>
            </div>
          </div>
        )}
      </Show>
      <NoticeLine notice={notice()} ref={noticeRef} />
    </>
  )
}
