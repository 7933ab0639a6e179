import { createEffect, createSignal, untrack } from 'solid-js'
import type { SearchTarget } from '../../../domain/search/search-item'

/**
 * What opening a search result asks the page it opens to show: the match in a note's text, a
 * comment, a partner, a board note. View state: a signal, taken (and cleared) by the view of
 * that artifact once it is ready.
 */
export interface RevealRequest {
  artifactId: string
  target: SearchTarget
  /** The folded words that matched, for finding them in the text. */
  terms: readonly string[]
}

const [pending, setPending] = createSignal<RevealRequest | null>(null)

export const requestReveal = (request: RevealRequest): void => {
  setPending({ ...request })
}

/** The request for this artifact, if there is one; reading it in an effect tracks it. */
export const pendingReveal = (artifactId: string): RevealRequest | null => {
  const request = pending()
  return request && request.artifactId === artifactId ? request : null
}

/** Marks a request as done, so going back to the page does not jump again. */
export const finishReveal = (request: RevealRequest): void => {
  if (pending() === request) setPending(null)
}

/**
 * Runs `show` once for each request made for this artifact, as soon as the view is `ready`
 * (its editor mounted, its data read). Call inside the view's component.
 */
export const onRevealRequest = (artifactId: () => string, ready: () => boolean, show: (request: RevealRequest) => void): void => {
  createEffect(() => {
    const request = pendingReveal(artifactId())
    if (!request || !ready()) return
    untrack(() => {
      finishReveal(request)
      show(request)
    })
  })
}
