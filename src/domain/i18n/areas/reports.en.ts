/**
 * A report's outline, the assignment of its sections, and citing a lab plan outcome in it (and
 * what the citation says), in English (Welsh: reports.cy.ts). Headings and names people typed
 * stay as typed.
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
  'citeOutcome.none': 'The lab plan has no outcomes yet. Add them under “Outcomes and measures” in the lab plan, then cite them here.',
  // What a citation says in the report and its exports (domain/lab-plan/outcome-citation.ts), its
  // parts joined with '. '. {title}, {what}, {target} and {value} are the plan's words, as typed.
  'citeOutcome.says.outcome': 'Lab plan outcome: {title} ({status})',
  'citeOutcome.says.removed': 'Lab plan outcome: this outcome has been removed from the lab plan',
  'citeOutcome.says.measureRemoved': 'The cited measure has been removed from the lab plan',
  /** {target} is citeOutcome.says.target or nothing; {latest} is citeOutcome.says.latest(On) or nothing. */
  'citeOutcome.says.measure': 'Measured by {what}{target}{latest}',
  'citeOutcome.says.target': ', target {target}',
  'citeOutcome.says.latest': ', latest {value}',
  /** {date} is written as the language writes dates: "10 January 2027". */
  'citeOutcome.says.latestOn': ', latest {value} on {date}',
  /** {list}: the evidence's labels, joined with '; '. */
  'citeOutcome.says.evidence': 'Evidence: {list}',
  /** A note, report or board given as evidence: "Note: Workshop 1". */
  'citeOutcome.says.item': '{kind}: {title}',
  'citeOutcome.says.unnamedPartner': 'Unnamed partner'
} as const
