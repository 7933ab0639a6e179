import { For, Show, createUniqueId } from 'solid-js'
import './artifacts.css'
import { ARTIFACT_KINDS, type ArtifactKind } from '../../../domain/artifact'
import { isFiltering, NO_FILTER, type ArtifactFilter } from './artifact-filter'
import { t } from '../../i18n/t'
import { kindLabel } from '../../i18n/kind-label'

/** Filter the sidebar by title or tag text, by kind and by tag. */
export const ArtifactFilters = (props: {
  filter: ArtifactFilter
  tags: string[]
  onChange: (filter: ArtifactFilter) => void
}) => {
  const id = createUniqueId()
  const set = (change: Partial<ArtifactFilter>): void => props.onChange({ ...props.filter, ...change })
  return (
    <form class="sidebar-filters" role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <div class="field">
        <label for={`${id}-text`}>{t('filters.text')}</label>
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
          <label for={`${id}-kind`}>{t('filters.kind')}</label>
          <select
            id={`${id}-kind`}
            value={props.filter.kind}
            onChange={(e) => set({ kind: e.currentTarget.value as ArtifactKind | 'all' })}
          >
            <option value="all">{t('filters.allKinds')}</option>
            <For each={ARTIFACT_KINDS}>{(kind) => <option value={kind}>{kindLabel(kind, 'many')}</option>}</For>
          </select>
        </div>
        <Show when={props.tags.length > 0}>
          <div class="field">
            <label for={`${id}-tag`}>{t('filters.tag')}</label>
            <select id={`${id}-tag`} value={props.filter.tag} onChange={(e) => set({ tag: e.currentTarget.value })}>
              <option value="">{t('filters.anyTag')}</option>
              <For each={props.tags}>{(tag) => <option value={tag}>{tag}</option>}</For>
            </select>
          </div>
        </Show>
      </div>
      <Show when={isFiltering(props.filter)}>
        <button type="button" class="link-button" onClick={() => props.onChange(NO_FILTER)}>
          {t('filters.clear')}
        </button>
      </Show>
    </form>
  )
}
