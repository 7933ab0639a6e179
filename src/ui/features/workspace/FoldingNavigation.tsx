import { createEffect, createSignal, createUniqueId, on, type JSX } from 'solid-js'
import { focusAfterRender } from '../../components/focus-after-render'
import { t } from '../../i18n/t'

/**
 * The workspace's navigation, folded behind a "Menu" button on a narrow screen so the page
 * opens on its content (a note just created on a site visit), not on every list of the
 * sidebar. A disclosure: the button says whether it is open; opening moves focus into the
 * navigation, Escape closes it and returns focus to the button, and choosing a page closes it
 * and moves focus to that page's content. On a wide screen the CSS hides the button and
 * always shows the navigation beside the content.
 */
export const FoldingNavigation = (props: {
  /** Changes when the person has gone to another page, which closes the menu. */
  location: string | null
  children: JSX.Element
}) => {
  const id = createUniqueId()
  const [open, setOpen] = createSignal(false)
  let button: HTMLButtonElement | undefined
  let panel: HTMLDivElement | undefined
  // Whether the navigation is folded right now: the button only shows on a narrow screen.
  const folded = (): boolean => (button?.getClientRects().length ?? 0) > 0

  const focusContent = (): void =>
    focusAfterRender(() => document.querySelector<HTMLElement>('.workspace-main h1') ?? document.getElementById('main'))

  const close = (after: 'button' | 'content'): void => {
    if (!open()) return
    setOpen(false)
    if (after === 'button') button?.focus()
    else focusContent()
  }

  // A page chosen by any means (a link, or "New …" which creates and opens one) closes it.
  createEffect(on(() => props.location, () => close('content'), { defer: true }))

  return (
    <>
      <button
        ref={button}
        type="button"
        class="button workspace-nav-toggle"
        aria-expanded={open()}
        aria-controls={`${id}-nav`}
        onClick={() => {
          const opening = !open()
          setOpen(opening)
          if (opening) focusAfterRender(() => panel?.querySelector<HTMLElement>('a[href], button, input, select'))
        }}
      >
        {t('nav.menu')}
      </button>
      <div
        ref={panel}
        id={`${id}-nav`}
        class="workspace-nav"
        classList={{ 'is-open': open() }}
        onKeyDown={(event) => {
          // A dialog opened from the navigation handles its own Escape.
          if (event.key !== 'Escape' || !folded() || (event.target as Element).closest('dialog')) return
          event.preventDefault()
          close('button')
        }}
        onClick={(event) => {
          const link = (event.target as Element).closest('a[href]')
          if (!link || link.closest('dialog') || !folded()) return
          // Chosen again, the page open now gives no location change: close here as well.
          close('content')
        }}
      >
        {props.children}
      </div>
    </>
  )
}
