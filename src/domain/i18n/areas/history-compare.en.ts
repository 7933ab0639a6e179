/**
 * The comparison of a version of a note or report's text, a lab plan or a partner map with now (or another version) in
 * History, in English (Welsh: history-compare.cy.ts). A row's and a field's own text stays as
 * typed; listed values (a status, a category) use the lab plan's and partner map's own keys.
 */
export const historyCompareEn = {
  /** A note's or report's text compared in History: what each addition or removal says of who made it. */
  'history.compare.addedBy': 'added by {name}',
  'history.compare.removedBy': 'removed by {name}',
  'labPlan.compare.notYet': 'The lab plan did not exist yet in this version.',
  'labPlan.compare.with': 'Compare with',
  'labPlan.compare.planNow': 'The plan now',
  'labPlan.compare.changesRegion': 'Changes to the lab plan',
  'labPlan.compare.asItWasRegion': 'The lab plan as it was',
  'labPlan.compare.budgetThen': 'Budget lines planned in this version: {planned}.',
  'labPlan.compare.summaryNow':
    '{count, plural, =0 {No row has changed} one {# row has changed} other {# rows have changed}} between this version and now. Planned budget: {then} then, {now} now.',
  'labPlan.compare.summaryVersion':
    '{count, plural, =0 {No row has changed} one {# row has changed} other {# rows have changed}} between this version and “{name}”. Planned budget: {then} then, {later} later.',
  'labPlan.compare.thatVersion': 'that version',
  'labPlan.compare.change.added': 'added',
  'labPlan.compare.change.removed': 'removed',
  'labPlan.compare.change.changed': 'changed',
  /** Between a field's old and new value: "Status: Planned to Done". */
  'labPlan.compare.to': 'to',
  'labPlan.compare.empty': 'empty',
  'labPlan.compare.untitled': 'Untitled',
  'labPlan.compare.fundingAsked': 'Funding asked for',
  'labPlan.compare.part.outcomes': 'Outcomes',
  'labPlan.compare.part.measures': 'Measures',
  'labPlan.compare.part.budget': 'Budget lines',
  'labPlan.compare.part.milestones': 'Milestones and deliverables',
  'labPlan.compare.part.values': 'Values and principles',
  'labPlan.compare.part.members': 'Working group',
  'partners.compare.change.added': 'added since this version',
  'partners.compare.change.removed': 'removed since this version',
  'partners.compare.change.binned': 'moved to the bin since this version',
  'partners.compare.change.changed': 'changed since this version',
  'partners.compare.inVersion':
    '{partners, plural, one {# partner} other {# partners}} and {relationships, plural, one {# relationship} other {# relationships}} in this version.',
  'partners.compare.partnersThenNow': '{then, plural, one {# partner} other {# partners}} then, {now} now.',
  'partners.compare.relationshipsThenNow': '{then, plural, one {# relationship} other {# relationships}} then, {now} now.',
  'partners.compare.noneChanged': 'No partner has changed since.',
  'partners.compare.someChanged': '{count, plural, one {# partner has} other {# partners have}} changed since.',
  'partners.compare.changesRegion': 'Changes to the partners',
  'partners.compare.asTheyWereRegion': 'The partners as they were',
  'partners.compare.list': 'Partners',
  'partners.compare.none': 'No partners.'
} as const
