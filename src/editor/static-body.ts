import type * as Y from 'yjs'
import { readBodyJson } from './body-json'
import { citationsAsText } from './citations-as-text'
import { bodyHtml, escapeHtml } from './export/html'
import { ENGLISH_TEXT, type InterfaceText, type InterfaceWords } from './interface-text'

export interface StaticBody {
  /** Draws the document again, over anything else written into the element. */
  redraw(): void
  /** Stops following the document. Idempotent; the element keeps what it last showed. */
  destroy(): void
}

/**
 * The markup of a rich-text body as the print view draws it, with Mutual's own words in it (the
 * empty hint, a lab plan citation) in the interface's words, as the editor that may take over
 * would draw them. The empty hint is the editor's own (placeholder.ts), read from the catalogue
 * here, not from placeholder.ts, which would bring the editor's code.
 */
export const staticBodyHtml = (fragment: Y.XmlFragment, text: InterfaceWords): string => {
  const body = readBodyJson(fragment)
  const empty = (body.content ?? []).every((block) => block.type === 'paragraph' && !block.content?.length)
  return empty
    ? `<p class="is-empty" data-placeholder="${escapeHtml(text.translate('editor.hint.empty'))}"><br></p>`
    : bodyHtml(fragment.doc ? citationsAsText(body, fragment.doc, text.translate, text.locale()) : body)
}

/**
 * Draws a rich-text body into `element` with the same markup as the print view (every text
 * escaped, links re-checked), and draws it again on every change, local or from a peer, and on
 * every switch of the interface's language, until destroyed. Building a TipTap editor costs
 * tens of milliseconds each; a page with several short texts (the EOI's six answers) shows them
 * this way and builds an editor only for the one a person starts writing in (never for a
 * reader who cannot edit: this copy is all they see).
 */
export const makeStaticBody = (element: HTMLElement, fragment: Y.XmlFragment, text: InterfaceText = ENGLISH_TEXT): StaticBody => {
  const draw = (): void => {
    element.innerHTML = staticBodyHtml(fragment, text)
  }
  draw()
  fragment.observeDeep(draw)
  const stopFollowingLanguage = text.onLanguageChange(draw)
  let live = true
  return {
    redraw: draw,
    destroy: () => {
      if (!live) return
      live = false
      fragment.unobserveDeep(draw)
      stopFollowingLanguage()
    }
  }
}
