import { For, Show, batch, createEffect, createMemo, createSelector, createSignal, createUniqueId, on } from 'solid-js'
import type * as Y from 'yjs'
import { NO_SEARCH_FILTERS, isFiltering, type SearchFilters } from '../../../domain/search/search-filters'
import { createSearchIndex } from '../../../reactive/search/create-search-index'
import type { SearchAnswer, SearchHit } from '../../../reactive/search/search-engine'
import { SEARCH_MEASURES } from '../../../reactive/search/search-measures'
import { ExcerptText } from './ExcerptText'
import { SearchFiltersForm } from './SearchFiltersForm'
import { groupHits } from './group-hits'
import { reuseUnchangedHits } from './reuse-unchanged-hits'
import { openHit } from './open-hit'
import { useSearchShortcuts } from './search-shortcuts'
import './search.css'
import { translateKnown } from '../../../domain/i18n/known-text'
import { formatDate } from '../../i18n/intl-format'
import { t } from '../../i18n/t'
import { artifactTitle } from '../../i18n/artifact-title'
import { touchFirst } from '../../touch-first'

const dateLabel = (time: number): string => (time > 0 ? formatDate(time, 'short-day') : '')

const hitTitle = (hit: SearchHit): string => {
  if (hit.item.kind === 'comment') return t('search.commentOn', { title: hit.item.title })
  if (hit.item.kind === 'partner' && !hit.item.title) return t('partners.unnamed')
  // A lab plan's title may be the one Mutual gave it: named in the reader's language.
  return hit.item.kind === 'lab-plan' ? artifactTitle({ kind: 'lab-plan', title: hit.item.title }) : hit.item.title
}

/**
 * The workspace's search field: a combobox whose list of results, grouped by kind, appears as
 * the person types. Taking focus selects its words, so new words replace the last search.
 * Arrow keys move through the results (the field keeps focus), Enter opens one, Escape closes
 * the list (and clears the field when the list is already closed). The number of results is
 * announced politely once they settle.
 */
export const WorkspaceSearch = (props: { doc: Y.Doc; workspaceId: string; viewerId: string }) => {
  const id = createUniqueId()
  const index = createSearchIndex(props.doc, { viewerId: () => props.viewerId, keptFor: props.workspaceId })
  const [query, setQuery] = createSignal('')
  const [filters, setFilters] = createSignal<SearchFilters>(NO_SEARCH_FILTERS)
  const [answer, setAnswer] = createSignal<SearchAnswer | null>(null)
  const [problem, setProblem] = createSignal<string | null>(null)
  const [open, setOpen] = createSignal(false)
  const [active, setActive] = createSignal(-1)
  const [filtersOpen, setFiltersOpen] = createSignal(false)
  const [choices, setChoices] = createSignal<{ authors: string[]; councils: string[] }>({ authors: [], councils: [] })
  let input: HTMLInputElement | undefined
  let filtersButton: HTMLButtonElement | undefined
  let root: HTMLDivElement | undefined
  let latest = 0
  let typedAt = 0

  /** Whether a press (a click, a tap) is moving focus into the field, not within it. */
  let pointerFocusing = false
  /**
   * Whenever the field takes focus (a tap, a click, Tab, "/" or Ctrl+K), its words are selected:
   * they stay in view, with their results, and the next words typed replace them. A tap back
   * into it after opening a result put the caret after the old words, so "budget" typed after
   * "warm space" searched for "warm spacebudget". A press within the focused field places the
   * caret as usual.
   */
  const selectWords = (): void => input?.select()

  useSearchShortcuts(() => {
    input?.focus()
    selectWords()
    if (query().trim()) setOpen(true)
  })

  // Ask again whenever the words, the filters or the index change (a peer's edit arrived).
  createEffect(
    on([query, filters, index.version], ([text, chosen]) => {
      const asked = ++latest
      if (!text.trim()) {
        setAnswer(null)
        return
      }
      index.search(text, chosen).then(
        (result) => {
          if (asked !== latest || result === null) return
          // Read by the search benchmark: from the keystroke until its answer is here, then
          // until the results are painted (the frame after the update is painted before the
          // task queued from its callback runs).
          const started = typedAt
          typedAt = 0
          const answeredAt = performance.now()
          if (started > 0) performance.measure(SEARCH_MEASURES.answered, { start: started, end: answeredAt })
          // One update for the whole answer: the list is redrawn once, not once per signal.
          batch(() => {
            setProblem(null)
            setAnswer({ ...result, hits: reuseUnchangedHits(result.hits, answer()?.hits ?? []) })
            setActive((current) => Math.min(current, result.hits.length - 1))
          })
          if (started > 0) {
            requestAnimationFrame(() =>
              setTimeout(() => {
                const painted = performance.now()
                performance.measure(SEARCH_MEASURES.drawn, { start: answeredAt, end: painted })
                performance.measure(SEARCH_MEASURES.keystroke, { start: started, end: painted })
              }, 0)
            )
          }
        },
        (error: unknown) => {
          if (asked === latest) setProblem(error instanceof Error ? error.message : String(error))
        }
      )
    })
  )

  createEffect(
    on(filtersOpen, (shown) => {
      if (shown) index.choices().then(setChoices, () => undefined)
    })
  )

  const groups = createMemo(() => groupHits(answer() ?? { hits: [], byKind: {} }))
  const shownHits = createMemo(() => groups().flatMap((group) => group.hits))
  // Only the row that gains or loses the highlight updates when it moves, not every row.
  const isActive = createSelector((): SearchHit | undefined => shownHits()[active()])
  const optionId = (hit: SearchHit): string => `${id}-hit-${hit.item.id.replace(/[^A-Za-z0-9_-]/g, '_')}`
  const expanded = () => open() && query().trim().length > 0
  const building = () => index.status().status === 'building'

  const summary = (): string => {
    const status = index.status()
    if (status.status === 'error') return translateKnown(t, status.message)
    if (problem()) return t('search.unavailable')
    const result = answer()
    if (!result) return building() ? t('search.building') : ''
    const shown = shownHits().length
    if (result.total === 0) return t(isFiltering(filters()) ? 'search.noneFiltered' : 'search.none')
    return shown < result.total ? t('search.foundSome', { count: result.total, shown }) : t('search.found', { count: result.total })
  }

  // Announced once the results settle, not on every keystroke.
  const [announcement, setAnnouncement] = createSignal('')
  let announceTimer: ReturnType<typeof setTimeout> | undefined
  createEffect(
    on(summary, (text) => {
      clearTimeout(announceTimer)
      announceTimer = setTimeout(() => setAnnouncement(expanded() ? text : ''), 500)
    })
  )

  const choose = (hit: SearchHit): void => {
    setOpen(false)
    setActive(-1)
    openHit(props.workspaceId, hit)
  }

  const move = (by: number): void => {
    const count = shownHits().length
    if (count === 0) return
    setOpen(true)
    const next = active() < 0 ? (by > 0 ? 0 : count - 1) : (active() + by + count) % count
    setActive(next)
    const hit = shownHits()[next]
    if (hit) document.getElementById(optionId(hit))?.scrollIntoView({ block: 'nearest' })
  }

  const onKeyDown = (event: KeyboardEvent): void => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        move(1)
        return
      case 'ArrowUp':
        event.preventDefault()
        move(-1)
        return
      case 'Enter': {
        const hit = shownHits()[active()] ?? (shownHits().length > 0 && active() < 0 ? shownHits()[0] : undefined)
        if (!hit || !expanded()) return
        event.preventDefault()
        choose(hit)
        return
      }
      case 'Escape':
        event.preventDefault()
        if (expanded()) {
          setOpen(false)
          setActive(-1)
        } else {
          setQuery('')
        }
        return
    }
  }

  return (
    <div role="search" class="workspace-search" data-search-status={index.status().status} ref={root} onFocusOut={(event) => {
      // Leaving the search altogether closes the list and the filters: both lie over the page,
      // where they would hide what focus moved to.
      const to = event.relatedTarget
      if (!(to instanceof Node) || !root?.contains(to)) batch(() => {
        setOpen(false)
        setFiltersOpen(false)
      })
    }}>
      <div class="workspace-search-row">
        <label class="visually-hidden" for={`${id}-input`}>
          {t('search.label')}
        </label>
        <input
          ref={input}
          id={`${id}-input`}
          class="workspace-search-input"
          type="search"
          role="combobox"
          autocomplete="off"
          spellcheck={false}
          placeholder={t(touchFirst() ? 'search.placeholderTouch' : 'search.placeholder')}
          aria-expanded={expanded()}
          aria-controls={`${id}-results`}
          aria-autocomplete="list"
          aria-describedby={`${id}-keys`}
          aria-activedescendant={expanded() && shownHits()[active()] ? optionId(shownHits()[active()] as SearchHit) : undefined}
          value={query()}
          onInput={(event) => {
            // When the key was pressed, not when this handler got to run.
            typedAt = event.timeStamp
            const text = event.currentTarget.value
            batch(() => {
              setQuery(text)
              setActive(-1)
              setOpen(true)
            })
          }}
          onPointerDown={() => {
            pointerFocusing = document.activeElement !== input
          }}
          onFocus={() => {
            selectWords()
            if (query().trim()) setOpen(true)
          }}
          onMouseUp={(event) => {
            // Some browsers put the caret where the press ended, undoing the selection made on focus.
            if (pointerFocusing) event.preventDefault()
            pointerFocusing = false
          }}
          onKeyDown={onKeyDown}
        />
        <span class="visually-hidden" id={`${id}-keys`}>
          {t('search.keys')}
        </span>
        <button
          ref={filtersButton}
          type="button"
          class="button small"
          aria-expanded={filtersOpen()}
          aria-controls={`${id}-filters`}
          onClick={() => setFiltersOpen(!filtersOpen())}
        >
          {isFiltering(filters()) ? t('search.filtersOn') : t('search.filters')}
        </button>
      </div>
      {/* The filters and the results drop over the page below the field, the filters first, so
          opening them leaves the toolbar as it was. */}
      <div class="workspace-search-drop">
        {/* tabindex -1: a click on the panel's blank space keeps focus in the search, so it stays open. */}
        <div id={`${id}-filters`} class="workspace-search-filters" hidden={!filtersOpen()} tabindex="-1" onKeyDown={(event) => {
          if (event.key !== 'Escape') return
          event.preventDefault()
          setFiltersOpen(false)
          filtersButton?.focus()
        }}>
          <Show when={filtersOpen()}>
            <SearchFiltersForm filters={filters()} authors={choices().authors} councils={choices().councils} onChange={setFilters} />
          </Show>
        </div>
        <div class="workspace-search-popup" hidden={!expanded()}>
          <p class="workspace-search-summary">{summary()}</p>
          <div id={`${id}-results`} role="listbox" aria-label={t('search.results')} class="workspace-search-results">
            {/* Keyed by kind, and each group's rows by hit: a keystroke redraws only what changed. */}
            <For each={groups().map((group) => group.kind)}>
              {(kind) => {
                const group = () => groups().find((shown) => shown.kind === kind) ?? { kind, label: '', hits: [], more: 0 }
                return (
                <div role="group" aria-labelledby={`${id}-group-${kind}`} class="search-group">
                  <div role="presentation" id={`${id}-group-${kind}`} class="search-group-label">
                    {group().label}
                  </div>
                  <For each={group().hits}>
                    {(hit) => (
                      <div
                        role="option"
                        id={optionId(hit)}
                        class="search-hit"
                        aria-selected={isActive(hit)}
                        onMouseDown={(event) => event.preventDefault()}
                        onClick={() => choose(hit)}
                      >
                        <span class="search-hit-title">{hitTitle(hit)}</span>
                        <span class="search-hit-excerpt">
                          <ExcerptText parts={hit.excerpt} />
                        </span>
                        <span class="search-hit-meta">
                          {[hit.item.author, hit.item.council, dateLabel(hit.item.date)].filter(Boolean).join(' · ')}
                        </span>
                      </div>
                    )}
                  </For>
                  <Show when={group().more > 0}>
                    <div role="presentation" class="search-group-more">
                      {t('search.more', { count: group().more, group: group().label.toLowerCase() })}
                    </div>
                  </Show>
                </div>
              )
              }}
            </For>
          </div>
        </div>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement()}
      </p>
    </div>
  )
}
