import { For, Show, createUniqueId } from 'solid-js'
import { SEARCH_KINDS, type SearchKind } from '../../../domain/search/search-item'
import { NO_SEARCH_FILTERS, isFiltering, type SearchFilters } from '../../../domain/search/search-filters'
import { SelectField } from '../../components/SelectField'
import { focusAfterRender } from '../../components/focus-after-render'
import { t } from '../../i18n/t'

/** Narrowing a search by kind, author, council and date; every control is labelled. */
export const SearchFiltersForm = (props: {
  filters: SearchFilters
  authors: readonly string[]
  councils: readonly string[]
  onChange: (filters: SearchFilters) => void
}) => {
  const id = createUniqueId()
  let kinds: HTMLFieldSetElement | undefined
  const set = (change: Partial<SearchFilters>): void => props.onChange({ ...props.filters, ...change })
  // ISO dates (yyyy-mm-dd) compare as text.
  const backwards = (): boolean => props.filters.from !== '' && props.filters.to !== '' && props.filters.from > props.filters.to
  const problemId = (): string | undefined => (backwards() ? `${id}-dates-problem` : undefined)
  const toggleKind = (kind: SearchKind, on: boolean): void =>
    set({ kinds: on ? [...props.filters.kinds, kind] : props.filters.kinds.filter((k) => k !== kind) })
  const any = (label: string, values: readonly string[]) => [{ value: '', label }, ...values.map((v) => ({ value: v, label: v }))]
  return (
    <div class="search-filters">
      <fieldset class="field search-kinds" ref={kinds}>
        <legend>{t('search.filter.kinds')}</legend>
        <For each={SEARCH_KINDS}>
          {(kind) => (
            <label class="checkbox">
              <input
                type="checkbox"
                checked={props.filters.kinds.includes(kind)}
                onChange={(event) => toggleKind(kind, event.currentTarget.checked)}
              />
              {t(`search.kind.${kind}`)}
            </label>
          )}
        </For>
      </fieldset>
      <SelectField label={t('search.filter.author')} value={props.filters.author} options={any(t('search.filter.anyone'), props.authors)} onChange={(author) => set({ author })} />
      <SelectField label={t('search.filter.council')} value={props.filters.council} options={any(t('search.filter.anyCouncil'), props.councils)} onChange={(council) => set({ council })} />
      <div class="search-dates">
        <DateFilter id={`${id}-from`} label={t('search.filter.from')} value={props.filters.from} problemId={problemId()} onChange={(from) => set({ from })} />
        <DateFilter id={`${id}-to`} label={t('search.filter.to')} value={props.filters.to} problemId={problemId()} onChange={(to) => set({ to })} />
      </div>
      {/* Said, not left to an empty list: dates the wrong way round find nothing, whatever is typed. */}
      <Show when={backwards()}>
        <p id={`${id}-dates-problem`} class="error-message" role="alert">
          {t('search.filter.datesBackwards')}
        </p>
      </Show>
      <button
        type="button"
        class="button small"
        disabled={!isFiltering(props.filters)}
        onClick={() => {
          props.onChange(NO_SEARCH_FILTERS)
          // With nothing left to clear the button is disabled, which drops focus to the page:
          // start again at the first filter instead.
          focusAfterRender(() => kinds?.querySelector('input'))
        }}
      >
        {t('search.filter.clear')}
      </button>
    </div>
  )
}

/** One end of the date range; `problemId` names the message about the range, when there is one. */
const DateFilter = (props: { id: string; label: string; value: string; problemId: string | undefined; onChange: (value: string) => void }) => (
  <div class="field">
    <label for={props.id}>{props.label}</label>
    <input
      id={props.id}
      type="date"
      value={props.value}
      aria-invalid={props.problemId ? true : undefined}
      aria-describedby={props.problemId}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  </div>
)
