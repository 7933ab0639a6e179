import type * as Y from 'yjs'
import { readBodyJson } from './body-json'
import { citationsAsText } from './citations-as-text'
import { bodyHtml } from './export/html'
import { englishText } from '../domain/i18n/english-text'

export interface StaticBody {
  /** Draws the document again, over anything else written into the element. */
  redraw(): void
  /** Stops following the document. Idempotent; the element keeps what it last showed. */
  destroy(): void
}

/**
 * Draws a rich-text body into `element` with the same markup as the print view (every text
 * escaped, links re-checked), and draws it again on every change, local or from a peer, until
 * destroyed. Building a TipTap editor costs tens of milliseconds each; a page with several
 * short texts (the EOI's six answers) shows them this way and builds an editor only for the
 * one a person starts writing in.
 */
export const makeStaticBody = (element: HTMLElement, fragment: Y.XmlFragment): StaticBody => {
  const draw = (): void => {
    const body = readBodyJson(fragment)
    const empty = (body.content ?? []).every((block) => block.type === 'paragraph' && !block.content?.length)
    // The empty hint is the editor's own (placeholder.ts), so nothing changes when it takes over;
    // read from the catalogue here, not from placeholder.ts, which would bring the editor's code.
    // Like that hint, a citation is written in English: the editor built here has no interface words either.
    element.innerHTML = empty
      ? `<p class="is-empty" data-placeholder="${englishText('editor.hint.empty')}"><br></p>`
      : bodyHtml(fragment.doc ? citationsAsText(body, fragment.doc, englishText, 'en') : body)
  }
  draw()
  fragment.observeDeep(draw)
  let live = true
  return {
    redraw: draw,
    destroy: () => {
      if (!live) return
      live = false
      fragment.unobserveDeep(draw)
    }
  }
}
