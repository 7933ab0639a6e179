/**
 * Why a partner or relationship CSV file, or one of its rows, cannot be imported, in English.
 * The CSV rules (domain/partner-csv.ts, relationship-csv.ts, partner-csv-file.ts) write these
 * same words with fillKnown; the import dialog shows them in the chosen language through
 * translateKnown. Column names and the values a file may hold ("Council", "Weak") stay in
 * English in either language, as the file itself does. Welsh: csv-problems.cy.ts.
 */
export const csvProblemsEn = {
  'csvProblem.tooManyRows': 'The file has more than {rows, number} rows. Split it into smaller files.',
  'csvProblem.noHeader':
    'The first line must name the columns, including “{column}” (or, for relationships, From, Relationship and To). Download the template to see the columns Mutual reads.',
  // A row of partners
  'csvProblem.cell': '{column}: {reason}',
  'csvProblem.notOneOf': '{column} “{value}” is not one of: {choices}',
  'csvProblem.resourceStart': '{column}: “{entry}” should start with one of {choices} and a colon',
  'csvProblem.resourceTooLong': '{column}: a description is longer than {max, number} characters',
  // A row of relationships
  'csvProblem.emptyEnd': '“{column}” is empty',
  'csvProblem.noSuchPartner': 'No partner called “{name}” is on the map: add it first',
  'csvProblem.samePartnerName': '{count, number} partners are called “{name}”: rename one so the row can say which',
  'csvProblem.unknownRelationship': '“{value}” is not a relationship Mutual knows: use one of {choices}',
  'csvProblem.strength': 'Strength “{value}” is not one of Weak, Medium, Strong',
  'csvProblem.noteTooLong': 'The note is longer than {max, number} characters',
  'csvProblem.samePartner': 'A relationship joins two different partners'
} as const
