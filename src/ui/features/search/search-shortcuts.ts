import { onCleanup, onMount } from 'solid-js'

/** Whether a key press is meant for what has focus (typing text), not for a shortcut. */
const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null)

/**
 * "/" (when not typing) and Ctrl+K or ⌘K (anywhere) move focus to the search field, as in
 * most web apps. Lives as long as the calling component.
 */
export const useSearchShortcuts = (focus: () => void): void => {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey) return
    const ctrlK = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k'
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !isTyping(event.target)
    if (!ctrlK && !slash) return
    // A dialog open on top keeps the keyboard to itself.
    if (document.querySelector('dialog[open]')) return
    event.preventDefault()
    focus()
  }
  onMount(() => document.addEventListener('keydown', onKeyDown))
  onCleanup(() => document.removeEventListener('keydown', onKeyDown))
}
