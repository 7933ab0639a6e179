import { For, Show, createSignal, createUniqueId, type JSX } from 'solid-js'

export interface MenuItem {
  label: string
  onSelect: () => void
  disabled?: boolean
  danger?: boolean
}

export interface MenuSection {
  /** Shown above the section and used as the accessible name of its group. */
  heading?: string
  items: MenuItem[]
}

/**
 * A menu button (WAI-ARIA APG pattern) on the native Popover API: the menu is drawn in the
 * top layer, so a column's scrolling never clips it, and the browser closes it on Escape or
 * a click elsewhere. Arrow keys, Home and End move between items; focus returns to the button.
 */
export const MenuButton = (props: {
  label: JSX.Element
  /** The accessible name when the visible label is an icon or is not specific enough. */
  ariaLabel?: string
  sections: () => MenuSection[]
  class?: string
  id?: string
  keyShortcuts?: string
  disabled?: boolean
  /** Marks the button as the element to focus when its note is focused programmatically. */
  focusTarget?: boolean
}) => {
  const id = createUniqueId()
  const [open, setOpen] = createSignal(false)
  let button: HTMLButtonElement | undefined
  let menu: HTMLDivElement | undefined

  const items = (): HTMLButtonElement[] =>
    menu ? [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])')] : []

  const place = (): void => {
    if (!button || !menu) return
    const rect = button.getBoundingClientRect()
    const width = menu.offsetWidth
    const height = menu.offsetHeight
    const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8))
    const below = rect.bottom + 4
    const top = below + height > window.innerHeight - 8 ? Math.max(8, rect.top - height - 4) : below
    menu.style.left = `${left}px`
    menu.style.top = `${top}px`
  }

  const onToggle = (event: ToggleEvent): void => {
    const isOpen = event.newState === 'open'
    setOpen(isOpen)
    if (isOpen) {
      place()
      items()[0]?.focus()
    } else if (menu?.contains(document.activeElement) || document.activeElement === document.body) {
      button?.focus()
    }
  }

  const close = (): void => {
    if (menu?.matches(':popover-open')) menu.hidePopover()
  }

  const onMenuKeyDown = (event: KeyboardEvent): void => {
    const all = items()
    const index = all.indexOf(document.activeElement as HTMLButtonElement)
    const focusAt = (i: number): void => all[(i + all.length) % all.length]?.focus()
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        focusAt(index + 1)
        break
      case 'ArrowUp':
        event.preventDefault()
        focusAt(index - 1)
        break
      case 'Home':
        event.preventDefault()
        focusAt(0)
        break
      case 'End':
        event.preventDefault()
        focusAt(all.length - 1)
        break
      case 'Tab':
        event.preventDefault()
        close()
        button?.focus()
        break
    }
    // Keys used inside the menu must not reach the note's own shortcuts.
    event.stopPropagation()
  }

  return (
    <>
      <button
        ref={button}
        id={props.id}
        type="button"
        class={props.class ?? 'button small'}
        aria-haspopup="menu"
        aria-expanded={open()}
        aria-controls={id}
        aria-label={props.ariaLabel}
        aria-keyshortcuts={props.keyShortcuts}
        disabled={props.disabled}
        data-note-focus={props.focusTarget ? '' : undefined}
        popovertarget={id}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open()) {
            event.preventDefault()
            menu?.showPopover()
          }
        }}
      >
        {props.label}
      </button>
      <div
        ref={menu}
        id={id}
        popover="auto"
        role="menu"
        class="menu"
        aria-label={props.ariaLabel}
        onToggle={onToggle}
        onKeyDown={onMenuKeyDown}
      >
        <For each={props.sections()}>
          {(section, index) => (
            <>
              <Show when={index() > 0}>
                <div role="separator" class="menu-separator" />
              </Show>
              <div role="group" aria-label={section.heading}>
                <Show when={section.heading}>
                  <span class="menu-heading" aria-hidden="true">
                    {section.heading}
                  </span>
                </Show>
                <For each={section.items}>
                  {(item) => (
                    <button
                      type="button"
                      role="menuitem"
                      class="menu-item"
                      classList={{ danger: item.danger }}
                      disabled={item.disabled}
                      onClick={() => {
                        close()
                        item.onSelect()
                      }}
                    >
                      {item.label}
                    </button>
                  )}
                </For>
              </div>
            </>
          )}
        </For>
      </div>
    </>
  )
}
