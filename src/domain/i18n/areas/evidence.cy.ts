import type { evidenceEn } from './evidence.en'

/** O weithdy i dystiolaeth: the Welsh for evidence.en.ts, same keys and ICU arguments. */
export const evidenceCy: Readonly<Record<keyof typeof evidenceEn, string>> = {
  'evidence.held': 'Cynhaliwyd y gweithdy ar {date} gyda’r bwrdd “{board}”: {participants, plural, zero {# cyfranogwr} one {# cyfranogwr} two {# gyfranogwr} few {# chyfranogwr} many {# chyfranogwr} other {# cyfranogwr}}, {notes, plural, zero {# nodyn} one {# nodyn} two {# nodyn} few {# nodyn} many {# nodyn} other {# nodyn}} mewn {columns, plural, zero {# colofn} one {# golofn} two {# golofn} few {# colofn} many {# colofn} other {# colofn}}.',
  'evidence.anonymous': 'Roedd enwau’r awduron wedi’u cuddio ar y bwrdd.',
  'evidence.voteHeading': 'Canlyniadau’r bleidlais dotiau',
  'evidence.voteRules': 'Roedd gan bob person {dots, plural, zero {# dot} one {# dot} two {# ddot} few {# dot} many {# dot} other {# dot}}{several, select, yes { a gallai roi sawl un ar un nodyn} other {}}; pleidleisiodd {voters, plural, zero {# person} one {# person} two {# berson} few {# pherson} many {# pherson} other {# person}}.',
  'evidence.dots': '{count, plural, zero {# dot} one {# dot} two {# ddot} few {# dot} many {# dot} other {# dot}}',
  'evidence.noDots': 'Ni roddwyd unrhyw ddotiau.',
  'evidence.notRevealed': 'Cynhaliwyd pleidlais dotiau; ni ddatgelwyd ei chanlyniadau, felly nid ydyn nhw wedi’u cynnwys.',
  'evidence.noNotes': 'Dim nodiadau.',
  'evidence.notGrouped': 'Heb eu grwpio',
  'evidence.title': 'Gweithdy: {board}',
  'evidence.titleDated': 'Gweithdy: {board} ({date})'
}
