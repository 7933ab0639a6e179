import { BOARD_TEMPLATES, type BoardTemplate } from '../../../domain/board-templates'
import type { TranslateOr } from '../../../domain/templates/localise-document-template'
import { translateOr } from '../../i18n/translate-or'

/**
 * The board templates in the interface language: names, descriptions and the columns a new
 * board starts with (so a board made in Welsh starts with Welsh columns; until someone renames
 * them, each reader sees them in their own language: column-name.ts). `translate` is the current
 * language unless a test passes another.
 */
export const localisedBoardTemplates = (translate: TranslateOr = translateOr): BoardTemplate[] =>
  BOARD_TEMPLATES.map((template) => ({
    ...template,
    name: translate(`board.template.${template.id}.name`, template.name),
    description: translate(`board.template.${template.id}.description`, template.description),
    columns: translate(`board.template.${template.id}.columns`, template.columns.join('|')).split('|')
  }))
