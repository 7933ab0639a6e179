import type { Translate } from '../../../domain/i18n/catalogue'
import type { OutlineEntry, SectionAssignment } from '../../../domain/report'

/** A heading's title in the outline: as written, or said to be untitled in the interface language. */
export const outlineTitle = (entry: Pick<OutlineEntry, 'text'>, tr: Translate): string => entry.text.trim() || tr('reportOutline.untitledHeading')

/** What the outline says about a section: its status, and who owns it for which council (or that nobody does yet). */
export const sectionAssignmentText = (assignment: SectionAssignment, tr: Translate): { status: string; owner: string } => ({
  status: tr(`sectionStatus.${assignment.status}`),
  owner: [assignment.owner, assignment.council].filter(Boolean).join(', ') || tr('reportOutline.notAssigned')
})
