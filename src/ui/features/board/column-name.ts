import { TEMPLATE_COLUMN_MESSAGES } from '../../../domain/board-templates'
import type { BoardColumn } from '../../../domain/board'
import { knownKeys } from '../../../domain/i18n/app-words'
import { shownWords, type ShownWords } from '../../i18n/shown-words'

const TEMPLATE_COLUMNS = knownKeys(TEMPLATE_COLUMN_MESSAGES)

/**
 * A column's name as shown: one a template started the board with ("Ideas"), untouched, in the
 * reader's language ("Syniadau"); one a person named as they typed it, marked as their words.
 */
export const shownColumn = (column: Pick<BoardColumn, 'title'>): ShownWords => shownWords(column.title, TEMPLATE_COLUMNS)

/** The text of shownColumn, for a label or a sentence. */
export const columnName = (column: Pick<BoardColumn, 'title'>): string => shownColumn(column).text
