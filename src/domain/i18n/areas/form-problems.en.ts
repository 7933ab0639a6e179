/**
 * What the checks on typed input say (the domain schemas' refusals), in English (Welsh:
 * form-problems.cy.ts). The schemas write these words, so a refusal names its key and the
 * interface shows it in the chosen language through translateKnown; a {max, number} is filled
 * by fillKnown and read back.
 */
export const formProblemsEn = {
  'form.problem.labName': 'Give the lab a name',
  'form.problem.leadCouncil': 'Name the lead council',
  'form.problem.councilTooLong': 'Shorten “{name}…” to {max, number} characters or fewer (it has {length, number})',
  'form.problem.partnerCouncils': 'List up to {max, number} partner councils',
  'form.problem.date': 'Use a date like 2026-04-01',
  'form.problem.yourName': 'Enter your name',
  'form.problem.yourOrganisation': 'Enter your council or organisation',
  'form.problem.colour': 'Choose a colour',
  'form.problem.comment': 'Write a comment first',
  'form.problem.commentDocumentGone': 'This document is not in the workspace any more.',
  'form.problem.commentGone': 'This comment is not here any more.',
  'form.problem.notValid': 'This value is not valid',
  'form.problem.title.note': 'Give the note a title',
  'form.problem.title.report': 'Give the report a title',
  'form.problem.title.partner-map': 'Give the partner map a title',
  'form.problem.title.board': 'Give the board a title',
  'form.problem.title.lab-plan': 'Give the lab plan a title',
  'form.problem.titleTooLong': 'Use {max, number} characters or fewer for the title'
} as const
