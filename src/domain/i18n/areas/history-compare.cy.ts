import type { historyCompareEn } from './history-compare.en'

/** The comparison of a lab plan or partner map version in History, in Welsh. */
export const historyCompareCy: Readonly<Record<keyof typeof historyCompareEn, string>> = {
  'history.compare.addedBy': 'ychwanegwyd gan {name}',
  'history.compare.removedBy': 'tynnwyd gan {name}',
  'labPlan.compare.notYet': 'Nid oedd y cynllun labordy yn bodoli eto yn y fersiwn hon.',
  'labPlan.compare.with': 'Cymharu â',
  'labPlan.compare.planNow': 'Y cynllun nawr',
  'labPlan.compare.changesRegion': 'Newidiadau i’r cynllun labordy',
  'labPlan.compare.asItWasRegion': 'Y cynllun labordy fel yr oedd',
  'labPlan.compare.budgetThen': 'Llinellau’r gyllideb a gynlluniwyd yn y fersiwn hon: {planned}.',
  'labPlan.compare.summaryNow':
    '{count, plural, =0 {Nid oes yr un rhes wedi newid} zero {Nid oes yr un rhes wedi newid} one {Mae # rhes wedi newid} two {Mae # res wedi newid} few {Mae # rhes wedi newid} many {Mae # rhes wedi newid} other {Mae # rhes wedi newid}} rhwng y fersiwn hon a nawr. Cyllideb a gynlluniwyd: {then} bryd hynny, {now} nawr.',
  'labPlan.compare.summaryVersion':
    '{count, plural, =0 {Nid oes yr un rhes wedi newid} zero {Nid oes yr un rhes wedi newid} one {Mae # rhes wedi newid} two {Mae # res wedi newid} few {Mae # rhes wedi newid} many {Mae # rhes wedi newid} other {Mae # rhes wedi newid}} rhwng y fersiwn hon a “{name}”. Cyllideb a gynlluniwyd: {then} bryd hynny, {later} yn ddiweddarach.',
  'labPlan.compare.thatVersion': 'y fersiwn honno',
  'labPlan.compare.change.added': 'ychwanegwyd',
  'labPlan.compare.change.removed': 'tynnwyd',
  'labPlan.compare.change.changed': 'newidiwyd',
  'labPlan.compare.to': 'i',
  'labPlan.compare.empty': 'gwag',
  'labPlan.compare.untitled': 'Heb deitl',
  'labPlan.compare.fundingAsked': 'Cyllid y gofynnir amdano',
  'labPlan.compare.part.outcomes': 'Canlyniadau',
  'labPlan.compare.part.measures': 'Mesurau',
  'labPlan.compare.part.budget': 'Llinellau’r gyllideb',
  'labPlan.compare.part.milestones': 'Cerrig milltir ac allbynnau',
  'labPlan.compare.part.values': 'Gwerthoedd ac egwyddorion',
  'labPlan.compare.part.members': 'Gweithgor',
  'partners.compare.change.added': 'ychwanegwyd ers y fersiwn hon',
  'partners.compare.change.removed': 'tynnwyd ers y fersiwn hon',
  'partners.compare.change.binned': 'symudwyd i’r bin ers y fersiwn hon',
  'partners.compare.change.changed': 'newidiwyd ers y fersiwn hon',
  'partners.compare.inVersion':
    '{partners, plural, zero {# partner} one {# partner} two {# bartner} few {# partner} many {# partner} other {# partner}} a {relationships, plural, zero {# perthynas} one {# berthynas} two {# berthynas} few {# perthynas} many {# perthynas} other {# perthynas}} yn y fersiwn hon.',
  'partners.compare.partnersThenNow':
    '{then, plural, zero {# partner} one {# partner} two {# bartner} few {# partner} many {# partner} other {# partner}} bryd hynny, {now} nawr.',
  'partners.compare.relationshipsThenNow':
    '{then, plural, zero {# perthynas} one {# berthynas} two {# berthynas} few {# perthynas} many {# perthynas} other {# perthynas}} bryd hynny, {now} nawr.',
  'partners.compare.noneChanged': 'Nid oes yr un partner wedi newid ers hynny.',
  'partners.compare.someChanged':
    '{count, plural, zero {Mae # partner wedi} one {Mae # partner wedi} two {Mae # bartner wedi} few {Mae # partner wedi} many {Mae # partner wedi} other {Mae # partner wedi}} newid ers hynny.',
  'partners.compare.changesRegion': 'Newidiadau i’r partneriaid',
  'partners.compare.asTheyWereRegion': 'Y partneriaid fel yr oeddent',
  'partners.compare.list': 'Partneriaid',
  'partners.compare.none': 'Dim partneriaid.'
}
