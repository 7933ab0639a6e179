import type { NoteType } from '../../../domain/note'
import { localiseDocumentTemplate } from '../../../domain/templates/localise-document-template'
import { noteTemplatesFor } from '../../../domain/templates/note-templates'
import { REPORT_TEMPLATES } from '../../../domain/templates/report-templates'
import type { DocumentTemplate, NoteTemplate } from '../../../domain/templates/template'
import { translateOr } from '../../i18n/translate-or'

/**
 * The note templates offered for a type, in the interface language: a note made in Welsh
 * starts with Welsh headings; after that they are the note's own text and never change with
 * the language. Reactive, like t(): call it inside JSX or a memo.
 */
export const localisedNoteTemplates = (type: NoteType | null): NoteTemplate[] =>
  noteTemplatesFor(type).map((template) => localiseDocumentTemplate(template, 'note', translateOr))

/** The report templates (the lab outputs among them) in the interface language. */
export const localisedReportTemplates = (): DocumentTemplate[] =>
  REPORT_TEMPLATES.map((template) => localiseDocumentTemplate(template, 'report', translateOr))
