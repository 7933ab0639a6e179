import { For } from 'solid-js'

export interface TabDefinition<K extends string> {
  key: K
  label: string
}

/** The id of a tab's panel, for aria-controls and aria-labelledby. */
export const tabPanelId = (prefix: string, key: string): string => `${prefix}-panel-${key}`
export const tabId = (prefix: string, key: string): string => `${prefix}-tab-${key}`

/**
 * Tabs (WAI-ARIA pattern): one tab stop; Left/Right arrows, Home and End move between tabs
 * and select them. The panels are rendered by the caller.
 */
export const ViewTabs = <K extends string>(props: {
  prefix: string
  label: string
  tabs: readonly TabDefinition<K>[]
  selected: K
  onSelect: (key: K) => void
}) => {
  const onKeyDown = (event: KeyboardEvent): void => {
    const index = props.tabs.findIndex((t) => t.key === props.selected)
    const last = props.tabs.length - 1
    const next =
      event.key === 'ArrowRight' ? (index + 1) % props.tabs.length
      : event.key === 'ArrowLeft' ? (index - 1 + props.tabs.length) % props.tabs.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null
    if (next === null) return
    event.preventDefault()
    const tab = props.tabs[next]
    if (!tab) return
    props.onSelect(tab.key)
    document.getElementById(tabId(props.prefix, tab.key))?.focus()
  }
  return (
    <div class="view-tabs" role="tablist" aria-label={props.label} onKeyDown={onKeyDown}>
      <For each={props.tabs}>
        {(tab) => (
          <button
            type="button"
            role="tab"
            id={tabId(props.prefix, tab.key)}
            aria-selected={props.selected === tab.key}
            aria-controls={tabPanelId(props.prefix, tab.key)}
            tabindex={props.selected === tab.key ? 0 : -1}
            onClick={() => props.onSelect(tab.key)}
          >
            {tab.label}
          </button>
        )}
      </For>
    </div>
  )
}
