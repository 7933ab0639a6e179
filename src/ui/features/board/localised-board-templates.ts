import { BOARD_TEMPLATES, type BoardTemplate } from '../../../domain/board-templates'
import { translateOr } from '../../i18n/translate-or'

/**
 * The board templates in the interface language: names, descriptions and the columns a new
 * board starts with (so a board made in Welsh starts with Welsh columns; after that the
 * columns are the board's own content, and never change with the language).
 */
export const localisedBoardTemplates = (): BoardTemplate[] =>
  BOARD_TEMPLATES.map((template) => ({
    ...template,
    name: translateOr(`board.template.${template.id}.name`, template.name),
    description: translateOr(`board.template.${template.id}.description`, template.description),
    columns: translateOr(`board.template.${template.id}.columns`, template.columns.join('|')).split('|')
  }))
