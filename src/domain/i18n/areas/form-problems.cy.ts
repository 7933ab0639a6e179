import type { formProblemsEn } from './form-problems.en'

/** What the checks on typed input say, in Welsh. */
export const formProblemsCy: Readonly<Record<keyof typeof formProblemsEn, string>> = {
  'form.problem.labName': 'Rhowch enw i’r labordy',
  'form.problem.leadCouncil': 'Enwch y cyngor arweiniol',
  'form.problem.councilTooLong': 'Byrhewch “{name}…” i {max, number} nod neu lai (mae ganddo {length, number})',
  'form.problem.partnerCouncils': 'Rhestrwch hyd at {max, number} o gynghorau partner',
  'form.problem.date': 'Defnyddiwch ddyddiad fel 2026-04-01',
  'form.problem.yourName': 'Rhowch eich enw',
  'form.problem.yourOrganisation': 'Rhowch eich cyngor neu’ch sefydliad',
  'form.problem.colour': 'Dewiswch liw',
  'form.problem.comment': 'Ysgrifennwch sylw yn gyntaf',
  'form.problem.commentDocumentGone': 'Nid yw’r ddogfen hon yn y gweithle mwyach.',
  'form.problem.commentGone': 'Nid yw’r sylw hwn yma mwyach.',
  'form.problem.notValid': 'Nid yw’r gwerth hwn yn ddilys',
  'form.problem.title.note': 'Rhowch deitl i’r nodyn',
  'form.problem.title.report': 'Rhowch deitl i’r adroddiad',
  'form.problem.title.partner-map': 'Rhowch deitl i’r map partneriaid',
  'form.problem.title.board': 'Rhowch deitl i’r bwrdd',
  'form.problem.title.lab-plan': 'Rhowch deitl i’r cynllun labordy',
  'form.problem.titleTooLong': 'Defnyddiwch {max, number} nod neu lai ar gyfer y teitl'
}
