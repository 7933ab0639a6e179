import type { JsonNode } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { readOutcomeCitation } from '../crdt/outcome-citation'
import { citationText } from '../domain/lab-plan/outcome-citation'
import type { Translate } from '../domain/i18n/catalogue'
import { INTL_TAGS, type Locale } from '../domain/i18n/locale'

const attribute = (node: JsonNode, key: string): string => {
  const value = node.attrs?.[key]
  return typeof value === 'string' ? value : ''
}

/**
 * The body with each lab plan citation replaced by what it says now, as plain text: exports
 * (Word, HTML, Markdown, print) carry the words of the plan at the moment of export, with
 * Mutual's words in them in the language of the export (`tr` speaks it, `l` names it), marked
 * with that language: inside a person's text, whose language is not known, it says which it is.
 */
export const citationsAsText = (body: JsonNode, workspace: Y.Doc, tr: Translate, l: Locale): JsonNode => {
  const walk = (node: JsonNode): JsonNode => {
    if (node.type === 'planCitation') {
      const citation = readOutcomeCitation(workspace, attribute(node, 'planId'), attribute(node, 'outcomeId'), attribute(node, 'measureId'))
      return { type: 'text', text: citationText(citation, tr, l), marks: [{ type: 'lang', attrs: { lang: INTL_TAGS[l] } }] }
    }
    return node.content ? { ...node, content: node.content.map(walk) } : node
  }
  return walk(body)
}
