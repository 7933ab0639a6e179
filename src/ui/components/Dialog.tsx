import { createEffect, onCleanup, type JSX } from 'solid-js'
import { focusPageHeading } from './PageHeading'

/**
 * Puts focus back after a dialog closed. The dialog's action may re-render the page (a list
 * refreshed after a rename, an item deleted), so this waits for that, then goes back to the
 * opener, to its re-rendered twin (list buttons carry a stable id), to what the owner says
 * took the opener's place, or to the page heading.
 */
const restoreFocus = (from: Element | null, instead?: () => HTMLElement | null): void => {
  queueMicrotask(() => {
    if (document.querySelector('dialog[open]:modal')) return
    // SVG elements take focus too (the partner graph's nodes open dialogs).
    if ((from instanceof HTMLElement || from instanceof SVGElement) && from.isConnected) {
      from.focus()
      return
    }
    const again = from instanceof HTMLElement && from.id ? document.getElementById(from.id) : null
    const replacement = again ?? instead?.()
    if (replacement) replacement.focus()
    else focusPageHeading()
  })
}

/**
 * A modal built on the native <dialog>: the browser traps focus, makes the page behind inert
 * and closes it on Escape; focus returns to whatever opened it (or, if that is gone, to the
 * page heading).
 */
export const Dialog = (props: {
  open: boolean
  title: string
  onClose: () => void
  /** Where focus goes if the opener has gone (the list item the dialog moved to the bin). */
  returnFocus?: () => HTMLElement | null
  /**
   * Focus starts at the title rather than the first control: for a dialog that is mostly read
   * (a status, a list of people), whose first control sits far down, below what it explains.
   */
  startAtTitle?: boolean
  children: JSX.Element
}) => {
  let dialog: HTMLDialogElement | undefined
  let title: HTMLHeadingElement | undefined
  // Taken when this dialog opens and used up when it closes, so a late close event of an
  // earlier opening cannot take it from the current one.
  let opener: Element | null = null
  const takeOpener = (): Element | null => {
    const from = opener
    opener = null
    return from
  }
  createEffect(() => {
    if (!dialog) return
    if (props.open && !dialog.open) {
      opener = document.activeElement
      dialog.showModal()
      if (props.startAtTitle) title?.focus()
    } else if (!props.open && dialog.open) {
      dialog.close()
      restoreFocus(takeOpener(), props.returnFocus)
    }
  })
  onCleanup(() => dialog?.open && dialog.close())
  const titleId = `dialog-title-${Math.random().toString(36).slice(2)}`
  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={titleId}
      // Escape closes the dialog at once, but its close event comes a task later: update the
      // state now, so a key pressed in between (reopening it) meets a closed dialog.
      onCancel={() => {
        if (props.open) props.onClose()
      }}
      onClose={() => {
        // Closed by the browser rather than by `open` turning false: tell the owner. The event
        // comes a task after the close, so it may belong to an earlier opening: if the dialog
        // is open again by now (closed, then reopened at once), it is not about this one.
        if (!props.open || dialog?.open) return
        const from = takeOpener()
        props.onClose()
        restoreFocus(from, props.returnFocus)
      }}
    >
      <h2 id={titleId} ref={title} tabindex={props.startAtTitle ? -1 : undefined}>
        {props.title}
      </h2>
      {props.children}
    </dialog>
  )
}
