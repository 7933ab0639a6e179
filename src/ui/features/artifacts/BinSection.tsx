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
import { artifactTitle } from '../../i18n/artifact-title'

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
  let list: HTMLUListElement | undefined
  const count = () => props.items.length + props.partners.length
  /**
   * The item at `index` has left the bin, and the button pressed with it: keep focus in the
   * bin, on what took its place (the next item's first button, or the last one's), so several
   * can be restored in a row, or on the toggle once the bin is empty.
   */
  const focusAfterLeaving = (index: number): void =>
    focusAfterRender(() => {
      const item = list?.isConnected ? list.children[index] ?? list.lastElementChild : null
      return item?.querySelector<HTMLElement>('button:not([disabled])') ?? (toggle?.isConnected ? toggle : heading)
    })
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
          <ul class="sidebar-list bin-list" id="sidebar-bin-list" ref={list}>
            <For each={props.items}>
              {(item, index) => (
                <li class="artifact-item">
                  <a href={href.artifact(props.workspaceId, item.id)}>{artifactTitle(item)}</a>
                  <p class="artifact-item-meta">
                    {kindLabel(item.kind, 'one')} · {t('bin.binned')} <RelativeTime time={item.deletedAt ?? item.updatedAt} />
                  </p>
                  <button
                    type="button"
                    class="button small"
                    disabled={props.readOnly}
                    onClick={() => {
                      if (!actor()) return
                      const at = index()
                      restoreArtifact(props.doc, item.id)
                      props.onRestored(item)
                      focusAfterLeaving(at)
                    }}
                  >
                    {t('bin.restore')}<span class="visually-hidden"> “{artifactTitle(item)}”</span>
                  </button>
                </li>
              )}
            </For>
            <For each={props.partners}>
              {(partner, index) => (
                <BinnedPartnerItem
                  doc={props.doc}
                  workspaceId={props.workspaceId}
                  partner={partner}
                  readOnly={props.readOnly}
                  onGone={(message) => {
                    const at = props.items.length + index()
                    props.announce(message)
                    focusAfterLeaving(at)
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
