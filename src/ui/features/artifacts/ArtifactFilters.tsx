import { For, Show, createUniqueId } from 'solid-js'
import './artifacts.css'
import { ARTIFACT_KINDS, ARTIFACT_KIND_LABELS, type ArtifactKind } from '../../../domain/artifact'
import { isFiltering, NO_FILTER, type ArtifactFilter } from './artifact-filter'

/** Filter the sidebar by title or tag text, by kind and by tag. */
export const ArtifactFilters = (props: {
  filter: ArtifactFilter
  tags: string[]
  onChange: (filter: ArtifactFilter) => void
}) => {
  const id = createUniqueId()
  const set = (change: Partial<ArtifactFilter>): void => props.onChange({ ...props.filter, ...change })
  return (
    <form class="sidebar-filters" role="search" aria-label="Filter items" onSubmit={(e) => e.preventDefault()}>
      <div class="field">
        <label for={`${id}-text`}>Filter by title or tag</label>
        <input
          id={`${id}-text`}
          type="search"
          autocomplete="off"
          value={props.filter.text}
          onInput={(e) => set({ text: e.currentTarget.value })}
        />
      </div>
      <div class="sidebar-filter-row">
        <div class="field">
          <label for={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            value={props.filter.kind}
            onChange={(e) => set({ kind: e.currentTarget.value as ArtifactKind | 'all' })}
          >
            <option value="all">All kinds</option>
            <For each={ARTIFACT_KINDS}>{(kind) => <option value={kind}>{ARTIFACT_KIND_LABELS[kind].many}</option>}</For>
          </select>
        </div>
        <Show when={props.tags.length > 0}>
          <div class="field">
            <label for={`${id}-tag`}>Tag</label>
            <select id={`${id}-tag`} value={props.filter.tag} onChange={(e) => set({ tag: e.currentTarget.value })}>
              <option value="">Any tag</option>
              <For each={props.tags}>{(tag) => <option value={tag}>{tag}</option>}</For>
            </select>
          </div>
        </Show>
      </div>
      <Show when={isFiltering(props.filter)}>
        <button type="button" class="link-button" onClick={() => props.onChange(NO_FILTER)}>
          Clear filters
        </button>
      </Show>
    </form>
  )
}
