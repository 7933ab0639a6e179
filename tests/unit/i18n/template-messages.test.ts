import { describe, expect, it } from 'vitest'
import { BOARD_TEMPLATES } from '../../../src/domain/board-templates'
import { en } from '../../../src/domain/i18n/messages-en'
import { localiseDocumentTemplate, templateMessageKey, type TemplateKind } from '../../../src/domain/templates/localise-document-template'
import { NOTE_TEMPLATES } from '../../../src/domain/templates/note-templates'
import { REPORT_TEMPLATES } from '../../../src/domain/templates/report-templates'
import type { DocumentTemplate } from '../../../src/domain/templates/template'
import { localisedBoardTemplates } from '../../../src/ui/features/board/localised-board-templates'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'
import { translateOrWith } from '../../../src/ui/i18n/translate-or'

/**
 * Issue 16 (#12), templates' headings: a board, note or report made while the interface is in
 * Welsh starts with Welsh text. Templates are data, looked up by keys built from their ids, so
 * the catalogue's type cannot see a template that has no messages: this test does. English
 * must come out exactly as the template's own text (the catalogue copy has not drifted), and
 * Welsh must keep every section, column and table cell the template has.
 */
const english = translateOrWith(makeTranslator('en'))
const welsh = translateOrWith(makeTranslator('cy'))

const documentTemplates: [TemplateKind, DocumentTemplate][] = [
  ...NOTE_TEMPLATES.map((template): [TemplateKind, DocumentTemplate] => ['note', template]),
  ...REPORT_TEMPLATES.map((template): [TemplateKind, DocumentTemplate] => ['report', template])
]

/** The keys a template's text needs: name, description, title, and any headings and tables. */
const neededKeys = (kind: TemplateKind, template: DocumentTemplate): string[] => {
  const tables = template.blocks.filter((block) => block.type === 'table').length
  return [
    'name',
    'description',
    'title',
    ...(template.blocks.some((block) => block.type === 'heading') ? ['headings'] : []),
    ...Array.from({ length: tables }, (_, i) => `table.${i + 1}`)
  ].map((part) => templateMessageKey(kind, template.id, part))
}

/** A template's shape without its words: what must not change with the language. */
const shape = (template: DocumentTemplate) =>
  template.blocks.map((block) => (block.type === 'table' ? `table ${block.header.length}x${block.rows}` : block.type === 'heading' ? `heading ${block.level}` : block.type))

const texts = (template: DocumentTemplate): string[] =>
  template.blocks.flatMap((block) => (block.type === 'heading' ? [block.text] : block.type === 'table' ? [...block.header] : []))

describe('built-in templates in both languages', () => {
  it.each(documentTemplates.map(([kind, template]) => [`${kind} ${template.id}`, kind, template] as const))(
    '%s has its messages, English identical to the template and Welsh with the same shape',
    (_label, kind, template) => {
      expect(neededKeys(kind, template).filter((key) => !Object.hasOwn(en, key))).toEqual([])
      expect(localiseDocumentTemplate(template, kind, english)).toEqual(template)
      const cymraeg = localiseDocumentTemplate(template, kind, welsh)
      expect(shape(cymraeg)).toEqual(shape(template))
      expect(cymraeg.name).not.toBe(template.name)
      expect(cymraeg.description).not.toBe(template.description)
      // Every heading and table cell is in Welsh, except words Welsh shares with English.
      const same = texts(cymraeg).filter((text, i) => text === texts(template)[i] && text !== 'Agenda')
      expect(same).toEqual([])
    }
  )

  it('board templates have their messages, English identical and Welsh with as many columns', () => {
    for (const template of BOARD_TEMPLATES) {
      const keys = ['name', 'description', 'columns'].map((part) => `board.template.${template.id}.${part}`)
      expect(keys.filter((key) => !Object.hasOwn(en, key)), template.id).toEqual([])
    }
    expect(localisedBoardTemplates(english)).toEqual(BOARD_TEMPLATES)
    const cymraeg = localisedBoardTemplates(welsh)
    expect(cymraeg.map((template) => template.columns.length)).toEqual(BOARD_TEMPLATES.map((template) => template.columns.length))
    expect(cymraeg.filter((template, i) => template.name === BOARD_TEMPLATES[i]!.name)).toEqual([])
  })

  it('falls back to the template’s English when a translation has the wrong number of parts', () => {
    const interview = NOTE_TEMPLATES.find((template) => template.id === 'interview')!
    const broken = (key: string, fallback: string) => (key.endsWith('.headings') || key.includes('.table.') ? 'Un|Dau' : welsh(key, fallback))
    const localised = localiseDocumentTemplate(interview, 'note', broken)
    expect(texts(localised)).toEqual(texts(interview))
    expect(localised.name).toBe('Cyfweliad')
  })
})
