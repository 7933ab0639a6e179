import { For, createUniqueId } from 'solid-js'
import { SEARCH_KINDS, SEARCH_KIND_LABELS, type SearchKind } from '../../../domain/search/search-item'
import { NO_SEARCH_FILTERS, isFiltering, type SearchFilters } from '../../../domain/search/search-filters'
import { SelectField } from '../../components/SelectField'

/** Narrowing a search by kind, author, council and date; every control is labelled. */
export const SearchFiltersForm = (props: {
  filters: SearchFilters
  authors: readonly string[]
  councils: readonly string[]
  onChange: (filters: SearchFilters) => void
}) => {
  const id = createUniqueId()
  const set = (change: Partial<SearchFilters>): void => props.onChange({ ...props.filters, ...change })
  const toggleKind = (kind: SearchKind, on: boolean): void =>
    set({ kinds: on ? [...props.filters.kinds, kind] : props.filters.kinds.filter((k) => k !== kind) })
  const any = (label: string, values: readonly string[]) => [{ value: '', label }, ...values.map((v) => ({ value: v, label: v }))]
  return (
    <div class="search-filters">
      <fieldset class="field search-kinds">
        <legend>Kinds (none chosen: all)</legend>
        <For each={SEARCH_KINDS}>
          {(kind) => (
            <label class="checkbox">
              <input
                type="checkbox"
                checked={props.filters.kinds.includes(kind)}
                onChange={(event) => toggleKind(kind, event.currentTarget.checked)}
              />
              {SEARCH_KIND_LABELS[kind]}
            </label>
          )}
        </For>
      </fieldset>
      <SelectField label="Author" value={props.filters.author} options={any('Anyone', props.authors)} onChange={(author) => set({ author })} />
      <SelectField label="Council" value={props.filters.council} options={any('Any council', props.councils)} onChange={(council) => set({ council })} />
      <div class="search-dates">
        <div class="field">
          <label for={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={props.filters.from} onChange={(e) => set({ from: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={props.filters.to} onChange={(e) => set({ to: e.currentTarget.value })} />
        </div>
      </div>
      <button type="button" class="button small" disabled={!isFiltering(props.filters)} onClick={() => props.onChange(NO_SEARCH_FILTERS)}>
        Clear filters
      </button>
    </div>
  )
}
