import { createEffect, onCleanup, type JSX } from 'solid-js'

/**
 * A modal built on the native <dialog>: the browser traps focus, makes the page behind inert
 * and closes it on Escape; focus returns to whatever opened it.
 */
export const Dialog = (props: {
  open: boolean
  title: string
  onClose: () => void
  children: JSX.Element
}) => {
  let dialog: HTMLDialogElement | undefined
  let opener: Element | null = null
  createEffect(() => {
    if (!dialog) return
    if (props.open && !dialog.open) {
      opener = document.activeElement
      dialog.showModal()
    } else if (!props.open && dialog.open) {
      dialog.close()
    }
  })
  const restoreFocus = (): void => {
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    opener = null
  }
  onCleanup(() => dialog?.open && dialog.close())
  const titleId = `dialog-title-${Math.random().toString(36).slice(2)}`
  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={titleId}
      onClose={() => {
        restoreFocus()
        if (props.open) props.onClose()
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
    </dialog>
  )
}
