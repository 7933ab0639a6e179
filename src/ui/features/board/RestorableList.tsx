import { For, Show, type JSX } from 'solid-js'
import { t } from '../../i18n/t'

/**
 * Things taken off the board but kept (deleted notes, removed columns): folded away under a
 * counted heading, each with a Restore button for those allowed to put it back.
 */
export const RestorableList = <T,>(props: {
  title: string
  class: string
  items: readonly T[]
  canRestore: boolean
  /** The item as it reads in the list. */
  describe: (item: T) => JSX.Element
  /** The Restore button's accessible name, naming the item. */
  restoreLabel: (item: T) => string
  onRestore: (item: T) => void
}) => (
  <Show when={props.items.length > 0}>
    <details class={`panel restorable ${props.class}`}>
      <summary>
        <h2>{t('board.restorableTitle', { title: props.title, count: props.items.length })}</h2>
      </summary>
      <ul class="deleted-list">
        <For each={props.items}>
          {(item) => (
            <li>
              <span class="deleted-text">{props.describe(item)}</span>
              <Show when={props.canRestore}>
                <button
                  type="button"
                  class="button small"
                  aria-label={props.restoreLabel(item)}
                  onClick={() => props.onRestore(item)}
                >
                  {t('board.restore')}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </details>
  </Show>
)
