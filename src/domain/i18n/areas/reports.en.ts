/**
 * A report's outline, the assignment of its sections, and citing a lab plan outcome in it, in
 * English (Welsh: reports.cy.ts). Headings and names people typed stay as typed.
 */
export const reportsEn = {
  'reportOutline.title': 'Outline',
  /** After the count, which is shown in bold: "1,204 words". */
  'reportOutline.words': '{count, plural, one {word} other {words}}',
  'reportOutline.empty': 'Headings you add appear here. Level 1 headings are the report’s sections.',
  'reportOutline.nav': 'Report outline',
  'reportOutline.untitledHeading': 'Untitled heading',
  'reportOutline.notAssigned': 'Not assigned',
  'reportOutline.assign': 'Assign',
  /** Read out after "Assign" by screen readers; hidden on screen. */
  'reportOutline.assignWhat': 'section “{title}”',
  'sectionStatus.draft': 'Draft',
  'sectionStatus.in-review': 'In review',
  'sectionStatus.agreed': 'Agreed',
  'sectionAssign.title': 'Assign “{title}”',
  'sectionAssign.titleNone': 'Assign section',
  'sectionAssign.failed': 'This section could not be assigned. It may have been deleted.',
  'sectionAssign.owner': 'Owner',
  'sectionAssign.council': 'Council',
  'sectionAssign.status': 'Status',
  'sectionAssign.save': 'Save',
  'citeOutcome.title': 'Cite a lab plan outcome',
  'citeOutcome.hint': 'The report shows the outcome as the plan has it now, and says so if it is removed from the plan.',
  'citeOutcome.outcome': 'Outcome',
  'citeOutcome.measure': 'Measure',
  'citeOutcome.whole': 'The outcome as a whole',
  'citeOutcome.insert': 'Insert citation',
  'citeOutcome.none': 'The lab plan has no outcomes yet. Add them under “Outcomes and measures” in the lab plan, then cite them here.'
} as const
