import type { DocumentTemplate, TemplateBlock } from './template'

/** Which catalogue prefix a template's messages live under. */
export type TemplateKind = 'note' | 'report'

/** A catalogue lookup by a key built at run time, giving `fallback` when there is no such key. */
export type TranslateOr = (key: string, fallback: string) => string

/** The key of one part of a template's messages: `note.template.interview.headings`. */
export const templateMessageKey = (kind: TemplateKind, id: string, part: string): string => `${kind}.template.${id}.${part}`

/**
 * Texts kept in one message, joined by `|`, replaced only when the translation has as many
 * parts as the template: a heading list or table header that went wrong shows English rather
 * than dropping a section or shifting a column.
 */
const translatedParts = (translate: TranslateOr, key: string, english: readonly string[]): readonly string[] => {
  const parts = translate(key, english.join('|')).split('|')
  return parts.length === english.length ? parts : english
}

/**
 * A template in the language `translate` speaks: name, description, title, and the headings
 * and table headers of the blocks it starts a document with. Structure (block types, levels,
 * empty rows) never changes, so a report made in Welsh has the same sections as in English.
 */
export const localiseDocumentTemplate = <T extends DocumentTemplate>(template: T, kind: TemplateKind, translate: TranslateOr): T => {
  const key = (part: string) => templateMessageKey(kind, template.id, part)
  const headings = template.blocks.flatMap((block) => (block.type === 'heading' ? [block.text] : []))
  const localHeadings = translatedParts(translate, key('headings'), headings)
  let heading = 0
  let table = 0
  const blocks = template.blocks.map((block): TemplateBlock => {
    if (block.type === 'heading') return { ...block, text: localHeadings[heading++] ?? block.text }
    if (block.type === 'table') return { ...block, header: translatedParts(translate, key(`table.${++table}`), block.header) }
    return block
  })
  return {
    ...template,
    name: translate(key('name'), template.name),
    description: translate(key('description'), template.description),
    title: translate(key('title'), template.title),
    blocks
  }
}
