import { Node, mergeAttributes } from '@tiptap/core'
import type * as Y from 'yjs'
import { readOutcomeCitation } from '../crdt/outcome-citation'
import { INTL_TAGS } from '../domain/i18n/locale'
import { citationText } from '../domain/lab-plan/outcome-citation'
import { ENGLISH_TEXT, type InterfaceText } from './interface-text'

/** An id as the plan makes them; anything else (a pasted attribute) is dropped. */
const HEX_ID = /^[0-9a-f]{32}$/
const idAttribute = (name: string) => ({
  default: '',
  parseHTML: (element: HTMLElement) => {
    const value = element.getAttribute(`data-${name}`) ?? ''
    return HEX_ID.test(value) ? value : ''
  },
  renderHTML: (attributes: Record<string, unknown>) => ({ [`data-${name}`]: String(attributes[camel(name)] ?? '') })
})
const camel = (name: string): string => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())

export interface CitationAttributes {
  planId: string
  outcomeId: string
  measureId: string
}

export interface PlanCitationOptions {
  doc: Y.Doc | null
  /**
   * The interface's words and language: the citation is written in them ("Lab plan outcome",
   * the status, "Measured by", the date), and again when the interface switches language. Null
   * writes it in English.
   */
  text: InterfaceText | null
}

/**
 * A reference in a report to a lab plan outcome (and optionally one of its measures). The
 * document stores only the ids; what it says is read from the plan now, and again after every
 * change, so it stays in step with the plan and says so when the outcome has been removed.
 * It is one unit for the caret: it cannot be half-edited into something untrue.
 */
export const PlanCitation = Node.create<PlanCitationOptions>({
  name: 'planCitation',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addOptions: () => ({ doc: null, text: null }),
  addAttributes: () => ({ planId: idAttribute('plan-id'), outcomeId: idAttribute('outcome-id'), measureId: idAttribute('measure-id') }),
  parseHTML: () => [{ tag: 'span[data-outcome-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', mergeAttributes(HTMLAttributes, { class: 'plan-citation' }), 'Lab plan outcome'],
  addNodeView() {
    const { doc } = this.options
    const text = this.options.text ?? ENGLISH_TEXT
    return ({ node }) => {
      const dom = document.createElement('span')
      dom.className = 'plan-citation'
      dom.contentEditable = 'false'
      let attributes = node.attrs as CitationAttributes
      const paint = (): void => {
        const citation = doc ? readOutcomeCitation(doc, attributes.planId, attributes.outcomeId, attributes.measureId) : ({ kind: 'removed' } as const)
        const says = citationText(citation, text.translate, text.locale())
        if (dom.textContent !== says) dom.textContent = says
        // Mutual's words in the person's text (marked lang=""): in the interface's language, and marked so.
        dom.lang = INTL_TAGS[text.locale()]
        dom.dataset.citation = citation.kind
      }
      paint()
      doc?.on('afterTransaction', paint)
      const stopFollowingLanguage = text.onLanguageChange(paint)
      return {
        dom,
        update: (next) => {
          if (next.type.name !== 'planCitation') return false
          attributes = next.attrs as CitationAttributes
          paint()
          return true
        },
        // Its text is ours, redrawn from the plan: the editor must not read it back as content.
        ignoreMutation: () => true,
        destroy: () => {
          doc?.off('afterTransaction', paint)
          stopFollowingLanguage()
        }
      }
    }
  }
})
