import { createSignal, onCleanup, type Accessor } from 'solid-js'

/**
 * A message for a polite live region, for changes a screen reader would not otherwise hear
 * about (a note moved, a filter applied). The region is emptied first and refilled a moment
 * later, so the same words said twice are announced twice.
 */
export const createAnnouncer = (): { message: Accessor<string>; announce: (text: string) => void } => {
  const [message, setMessage] = createSignal('')
  let timer: ReturnType<typeof setTimeout> | undefined
  const announce = (text: string): void => {
    setMessage('')
    clearTimeout(timer)
    timer = setTimeout(() => setMessage(text), 60)
  }
  onCleanup(() => clearTimeout(timer))
  return { message, announce }
}
