import { Show, createSignal, createUniqueId } from 'solid-js'
import type * as Y from 'yjs'
import { deletePartnerForGood, restorePartner, type BinnedPartner } from '../../../crdt/partner-bin'
import { useActor } from '../../app-context'
import { RelativeTime } from '../../components/RelativeTime'
import { focusAfterRender } from '../../components/focus-after-render'
import { href } from '../../router'
import { t } from '../../i18n/t'

/**
 * A partner in the workspace's bin: restore it (back on its map with its contacts and
 * relationships) or delete it for good, which asks first because it cannot be undone.
 * `onGone` says what happened, once the item has left the list.
 */
export const BinnedPartnerItem = (props: {
  doc: Y.Doc
  workspaceId: string
  partner: BinnedPartner
  readOnly: boolean
  onGone: (message: string) => void
}) => {
  const actor = useActor()
  const questionId = createUniqueId()
  const [confirming, setConfirming] = createSignal(false)
  let deleteButton: HTMLButtonElement | undefined
  const run = (change: (who: NonNullable<ReturnType<typeof actor>>) => boolean, done: string, failed: string): void => {
    const who = actor()
    if (!who) return
    let worked = false
    try {
      worked = change(who)
    } catch (error) {
      // A workspace that turned read-only meanwhile: say so rather than break the sidebar.
      props.onGone(error instanceof Error ? error.message : String(error))
      return
    }
    props.onGone(worked ? done : failed)
  }
  const { name, id, mapId } = props.partner
  return (
    <li class="artifact-item">
      <a href={href.artifact(props.workspaceId, props.partner.mapId)}>{props.partner.name}</a>
      <p class="artifact-item-meta">
        {t('partners.bin.where', { map: props.partner.mapTitle })} <RelativeTime time={props.partner.binnedAt} />
        <Show when={props.partner.binnedBy}>{(by) => <> {t('partners.bin.by', { name: by() })}</>}</Show>
      </p>
      <Show
        when={confirming()}
        fallback={
          <div class="actions">
            <button
              type="button"
              class="button small"
              disabled={props.readOnly}
              onClick={() =>
                run(
                  () => restorePartner(props.doc, mapId, id),
                  t('partners.bin.restored', { name }),
                  t('partners.bin.notThere', { name })
                )
              }
            >
              {t('partners.bin.restore')}<span class="visually-hidden"> {name}</span>
            </button>
            <button
              type="button"
              class="button small danger-outline"
              ref={deleteButton}
              disabled={props.readOnly}
              onClick={() => setConfirming(true)}
            >
              {t('partners.bin.deleteForGood')}<span class="visually-hidden"> {name}</span>
            </button>
          </div>
        }
      >
        <div class="stack" role="group" aria-labelledby={questionId}>
          <p id={questionId}>{t('partners.bin.confirm', { name })}</p>
          <div class="actions">
            <button
              type="button"
              class="button small danger"
              onClick={() =>
                run(
                  (who) => deletePartnerForGood(props.doc, mapId, id, who, Date.now()),
                  t('partners.bin.deleted', { name }),
                  t('partners.bin.notThere', { name })
                )
              }
            >
              {t('partners.bin.yesDelete')}
            </button>
            {/* The safe choice has focus first, so a stray Enter deletes nothing. */}
            <button
              type="button"
              class="button small"
              ref={(el) => focusAfterRender(() => el)}
              onClick={() => {
                setConfirming(false)
                focusAfterRender(() => deleteButton)
              }}
            >
              {t('partners.bin.keep')}
            </button>
          </div>
        </div>
      </Show>
    </li>
  )
}
