/**
 * "Workshop to evidence": the words of the note a board is written up as (board-evidence.ts),
 * in the language of whoever writes it up. After that the note is the person's own content.
 */
export const evidenceEn = {
  'evidence.held': 'Workshop held on {date} with the board “{board}”: {participants, plural, one {# participant} other {# participants}}, {notes, plural, one {# note} other {# notes}} in {columns, plural, one {# column} other {# columns}}.',
  'evidence.anonymous': 'Authors’ names were hidden on the board.',
  'evidence.voteHeading': 'Dot vote results',
  'evidence.voteRules': 'Each person had {dots, plural, one {# dot} other {# dots}}{several, select, yes { and could put several on one note} other {}}; {voters, plural, one {# person} other {# people}} voted.',
  'evidence.dots': '{count, plural, one {# dot} other {# dots}}',
  'evidence.noDots': 'No dots were placed.',
  'evidence.notRevealed': 'A dot vote was held; its results were not revealed, so they are not included.',
  'evidence.noNotes': 'No notes.',
  'evidence.notGrouped': 'Not grouped',
  'evidence.title': 'Workshop: {board}',
  'evidence.titleDated': 'Workshop: {board} ({date})'
} as const
