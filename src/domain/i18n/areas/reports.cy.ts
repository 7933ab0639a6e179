import type { reportsEn } from './reports.en'

/** A report's outline, the assignment of its sections, and citing a lab plan outcome, in Welsh. */
export const reportsCy: Readonly<Record<keyof typeof reportsEn, string>> = {
  'reportOutline.title': 'Amlinelliad',
  'reportOutline.words': '{count, plural, zero {gair} one {gair} two {air} few {gair} many {gair} other {gair}}',
  'reportOutline.empty': 'Mae’r penawdau rydych chi’n eu hychwanegu yn ymddangos yma. Penawdau lefel 1 yw adrannau’r adroddiad.',
  'reportOutline.nav': 'Amlinelliad yr adroddiad',
  'reportOutline.untitledHeading': 'Pennawd heb deitl',
  'reportOutline.notAssigned': 'Heb ei neilltuo',
  'reportOutline.assign': 'Neilltuo',
  'reportOutline.assignWhat': 'adran “{title}”',
  'sectionStatus.draft': 'Drafft',
  'sectionStatus.in-review': 'Wrthi’n cael ei hadolygu',
  'sectionStatus.agreed': 'Cytunwyd',
  'sectionAssign.title': 'Neilltuo “{title}”',
  'sectionAssign.titleNone': 'Neilltuo adran',
  'sectionAssign.failed': 'Nid oedd modd neilltuo’r adran hon. Efallai ei bod wedi’i dileu.',
  'sectionAssign.owner': 'Perchennog',
  'sectionAssign.council': 'Cyngor',
  'sectionAssign.status': 'Statws',
  'sectionAssign.save': 'Cadw',
  'citeOutcome.title': 'Dyfynnu un o ganlyniadau’r cynllun labordy',
  'citeOutcome.hint': 'Mae’r adroddiad yn dangos y canlyniad fel y mae yn y cynllun nawr, ac yn dweud hynny os caiff ei dynnu o’r cynllun.',
  'citeOutcome.outcome': 'Canlyniad',
  'citeOutcome.measure': 'Mesur',
  'citeOutcome.whole': 'Y canlyniad yn ei gyfanrwydd',
  'citeOutcome.insert': 'Mewnosod dyfyniad',
  'citeOutcome.none':
    'Nid oes gan y cynllun labordy ganlyniadau eto. Ychwanegwch nhw o dan “Canlyniadau a mesurau” yn y cynllun labordy, yna dyfynnwch nhw yma.'
}
