import type { csvProblemsEn } from './csv-problems.en'

/** Problemau CSV: why a CSV file or a row of it cannot be imported, in Welsh (column names stay as the file has them). */
export const csvProblemsCy: Readonly<Record<keyof typeof csvProblemsEn, string>> = {
  'csvProblem.tooManyRows': 'Mae gan y ffeil fwy na {rows, number} rhes. Rhannwch hi’n ffeiliau llai.',
  'csvProblem.noHeader':
    'Rhaid i’r llinell gyntaf enwi’r colofnau, gan gynnwys “{column}” (neu, ar gyfer perthnasoedd, From, Relationship a To). Lawrlwythwch y templed i weld y colofnau y mae Mutual yn eu darllen.',
  'csvProblem.cell': '{column}: {reason}',
  'csvProblem.notOneOf': '{column} “{value}”: nid yw’n un o: {choices}',
  'csvProblem.resourceStart': '{column}: dylai “{entry}” ddechrau gydag un o {choices} a cholon',
  'csvProblem.resourceTooLong': '{column}: mae disgrifiad yn hwy na {max, number} nod',
  'csvProblem.emptyEnd': 'Mae “{column}” yn wag',
  'csvProblem.noSuchPartner': 'Nid oes partner o’r enw “{name}” ar y map: ychwanegwch ef yn gyntaf',
  'csvProblem.samePartnerName': 'Mae {count, number} o bartneriaid o’r enw “{name}”: ailenwch un fel y gall y rhes ddweud pa un',
  'csvProblem.unknownRelationship': 'Nid yw “{value}” yn berthynas y mae Mutual yn ei hadnabod: defnyddiwch un o {choices}',
  'csvProblem.strength': 'Nid yw’r cryfder (Strength) “{value}” yn un o Weak, Medium, Strong',
  'csvProblem.noteTooLong': 'Mae’r nodyn yn hwy na {max, number} nod',
  'csvProblem.samePartner': 'Mae perthynas yn cysylltu dau bartner gwahanol'
}
