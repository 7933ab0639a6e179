import { createMemo, createSignal, type Accessor } from 'solid-js'

export interface ShortList<T> {
  /** The items to draw: the first `limit`, or all of them once asked. */
  listed: Accessor<readonly T[]>
  /** True when some items are left out until asked (so offer "Show all"). */
  shortened: Accessor<boolean>
  showingAll: Accessor<boolean>
  /** How many are listed while short: the first item "Show all" adds is at this index. */
  limit: number
  toggle: () => void
}

/**
 * A long list that starts short. A lab of two years holds hundreds of notes and versions;
 * drawing every one made opening a workspace lay out hundreds of rows nobody scrolls to. The
 * first `limit` are listed, the rest one click away.
 */
export const createShortList = <T>(options: {
  items: Accessor<readonly T[]>
  limit: number
  /** When this is false every item is listed, e.g. while a filter already narrows the list. */
  enabled?: Accessor<boolean>
  /** An item listed even when it is not among the first `limit`, e.g. the one open now. */
  keep?: (item: T) => boolean
}): ShortList<T> => {
  const [showingAll, setShowingAll] = createSignal(false)
  const shortened = (): boolean => (options.enabled?.() ?? true) && options.items().length > options.limit
  const listed = createMemo((): readonly T[] => {
    const items = options.items()
    if (!shortened() || showingAll()) return items
    const first = items.slice(0, options.limit)
    const kept = options.keep ? items.find((item) => options.keep?.(item) && !first.includes(item)) : undefined
    return kept ? [...first, kept] : first
  })
  return { listed, shortened, showingAll, limit: options.limit, toggle: () => setShowingAll((all) => !all) }
}
