import { For, Show, createSignal } from 'solid-js'
import type * as Y from 'yjs'
import { restoreArtifact } from '../../../crdt/artifacts'
import type { BinnedPartner } from '../../../crdt/partner-bin'
import { type ArtifactSummary } from '../../../domain/artifact'
import { useActor } from '../../app-context'
import { RelativeTime } from '../../components/RelativeTime'
import { focusAfterRender } from '../../components/focus-after-render'
import { href } from '../../router'
import { BinnedPartnerItem } from '../partner-map/BinnedPartnerItem'
import { t } from '../../i18n/t'
import { kindLabel } from '../../i18n/kind-label'

/**
 * Items moved to the bin: kept whole, listed here, restorable by anyone. Partners removed
 * from a partner map are listed here too, after the documents, and can also be deleted for good.
 */
export const BinSection = (props: {
  doc: Y.Doc
  workspaceId: string
  items: ArtifactSummary[]
  partners: BinnedPartner[]
  readOnly: boolean
  onRestored: (artifact: ArtifactSummary) => void
  announce: (message: string) => void
}) => {
  const actor = useActor()
  const [open, setOpen] = createSignal(false)
  let heading: HTMLHeadingElement | undefined
  let toggle: HTMLButtonElement | undefined
  const count = () => props.items.length + props.partners.length
  return (
    <section class="sidebar-group sidebar-bin" aria-labelledby="sidebar-bin">
      <h2 id="sidebar-bin" class="sidebar-heading" tabindex="-1" ref={heading}>
        {t('bin.title')} <span class="count">({count()})</span>
      </h2>
      <Show when={count() > 0} fallback={<p class="sidebar-empty">{t('bin.empty')}</p>}>
        <button
          ref={toggle}
          type="button"
          class="link-button"
          aria-expanded={open() ? 'true' : 'false'}
          aria-controls="sidebar-bin-list"
          onClick={() => setOpen((v) => !v)}
        >
          {open() ? t('bin.hide') : t('bin.show')}
        </button>
        <Show when={open()}>
          <ul class="sidebar-list bin-list" id="sidebar-bin-list">
            <For each={props.items}>
              {(item) => (
                <li class="artifact-item">
                  <a href={href.artifact(props.workspaceId, item.id)}>{item.title || t('common.untitled')}</a>
                  <p class="artifact-item-meta">
                    {kindLabel(item.kind, 'one')} · {t('bin.binned')} <RelativeTime time={item.deletedAt ?? item.updatedAt} />
                  </p>
                  <button
                    type="button"
                    class="button small"
                    disabled={props.readOnly}
                    onClick={() => {
                      const who = actor()
                      if (!who) return
                      restoreArtifact(props.doc, item.id, who, Date.now())
                      props.onRestored(item)
                    }}
                  >
                    {t('bin.restore')}<span class="visually-hidden"> “{item.title || t('common.untitled')}”</span>
                  </button>
                </li>
              )}
            </For>
            <For each={props.partners}>
              {(partner) => (
                <BinnedPartnerItem
                  doc={props.doc}
                  workspaceId={props.workspaceId}
                  partner={partner}
                  readOnly={props.readOnly}
                  onGone={(message) => {
                    props.announce(message)
                    // Its item (and the button pressed) is gone: keep focus in the bin.
                    focusAfterRender(() => (toggle?.isConnected ? toggle : heading))
                  }}
                />
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  )
}
