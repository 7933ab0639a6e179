/**
 * Board templates are data: a name and the columns a new board starts with. Add one here and
 * it appears in the "New board" choices.
 */
export interface BoardTemplate {
  id: string
  name: string
  description: string
  columns: readonly string[]
}

export const BOARD_TEMPLATES: readonly BoardTemplate[] = [
  { id: 'blank', name: 'Blank board', description: 'One column to start; add your own.', columns: ['Ideas'] },
  {
    id: 'works-doesnt-ideas',
    name: 'What works / what doesn’t / ideas',
    description: 'A review of current practice and what to try next.',
    columns: ['What works', 'What doesn’t', 'Ideas']
  },
  {
    id: 'now-next-later',
    name: 'Now / next / later',
    description: 'Sort actions by when the lab should take them.',
    columns: ['Now', 'Next', 'Later']
  },
  {
    id: 'values-canvas',
    name: 'Values and principles canvas',
    description: 'Co-operative values the lab holds, and what they mean in practice.',
    columns: ['Our values', 'What it looks like in practice', 'What gets in the way', 'Commitments']
  }
]

/** The catalogue messages of the columns templates start boards with ('|' between columns). */
export const TEMPLATE_COLUMN_MESSAGES: readonly string[] = BOARD_TEMPLATES.map((template) => `board.template.${template.id}.columns`)
