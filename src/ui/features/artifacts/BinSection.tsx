import { For, Show, createSignal } from 'solid-js'
import type * as Y from 'yjs'
import { restoreArtifact } from '../../../crdt/artifacts'
import { ARTIFACT_KIND_LABELS, type ArtifactSummary } from '../../../domain/artifact'
import { useActor } from '../../app-context'
import { RelativeTime } from '../../components/RelativeTime'
import { href } from '../../router'

/** Items moved to the bin: kept whole, listed here, restorable by anyone. */
export const BinSection = (props: {
  doc: Y.Doc
  workspaceId: string
  items: ArtifactSummary[]
  readOnly: boolean
  onRestored: (artifact: ArtifactSummary) => void
}) => {
  const actor = useActor()
  const [open, setOpen] = createSignal(false)
  return (
    <section class="sidebar-group sidebar-bin" aria-labelledby="sidebar-bin">
      <h2 id="sidebar-bin" class="sidebar-heading">
        Bin <span class="count">({props.items.length})</span>
      </h2>
      <Show when={props.items.length > 0} fallback={<p class="sidebar-empty">Empty</p>}>
        <button
          type="button"
          class="link-button"
          aria-expanded={open() ? 'true' : 'false'}
          aria-controls="sidebar-bin-list"
          onClick={() => setOpen((v) => !v)}
        >
          {open() ? 'Hide bin' : 'Show bin'}
        </button>
        <Show when={open()}>
          <ul class="sidebar-list bin-list" id="sidebar-bin-list">
            <For each={props.items}>
              {(item) => (
                <li class="artifact-item">
                  <a href={href.artifact(props.workspaceId, item.id)}>{item.title || 'Untitled'}</a>
                  <p class="artifact-item-meta">
                    {ARTIFACT_KIND_LABELS[item.kind].one} · binned <RelativeTime time={item.deletedAt ?? item.updatedAt} />
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
                    Restore<span class="visually-hidden"> “{item.title || 'Untitled'}”</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  )
}
