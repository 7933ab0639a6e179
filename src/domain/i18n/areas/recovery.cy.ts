import type { recoveryEn } from './recovery.en'

/** Adfer: restoring from this device's checkpoints, the deletion warning and what came back, in Welsh. */
export const recoveryCy: Readonly<Record<keyof typeof recoveryEn, string>> = {
  'recovery.count.items': '{count, plural, zero {# eitem} one {# eitem} two {# eitem} few {# eitem} many {# eitem} other {# eitem}}',
  'recovery.count.versions': '{count, plural, zero {# fersiwn} one {# fersiwn} two {# fersiwn} few {# fersiwn} many {# fersiwn} other {# fersiwn}}',
  'recovery.count.binned': '{count, plural, zero {# yn y bin} one {# yn y bin} two {# yn y bin} few {# yn y bin} many {# yn y bin} other {# yn y bin}}',
  'recovery.count.checkpoints': '{count, plural, zero {# pwynt gwirio} one {# pwynt gwirio} two {# bwynt gwirio} few {# phwynt gwirio} many {# phwynt gwirio} other {# pwynt gwirio}}',
  'recovery.count.versionCopies': '{count, plural, zero {# copi o fersiynau} one {# copi o fersiwn} two {# gopi o fersiynau} few {# chopi o fersiynau} many {# chopi o fersiynau} other {# copi o fersiynau}}',
  'recovery.both': '{first} a {second}',
  'recovery.label.beforeDeletions': 'Cyn i {what} gael {count, plural, zero {eu dileu} one {ei dileu} two {eu dileu} few {eu dileu} many {eu dileu} other {eu dileu}}',
  'recovery.label.beforeDeletionsBy': 'Cyn i {what} gael {count, plural, zero {eu dileu} one {ei dileu} two {eu dileu} few {eu dileu} many {eu dileu} other {eu dileu}} gan {name}',
  'recovery.label.largeChange': 'Cyn i newid mawr gyrraedd',
  'recovery.flag.title': '{what} wedi’u dileu mewn ychydig funudau',
  'recovery.flag.titleBy': '{what} wedi’u dileu mewn ychydig funudau gan {name}',
  'recovery.flag.body':
    'Rhwng {from} a {to}. Cadwodd y ddyfais hon y gweithle fel yr oedd yn union cyn hynny. Mae adfer yn dod â’r hyn a ddilëwyd yn ôl i bawb, ac yn cadw unrhyw beth a wnaed ers hynny.',
  'recovery.flag.restore': 'Adfer popeth a ddilëwyd',
  'recovery.flag.dismiss': 'Roedd i fod i ddigwydd',
  'recovery.result.items': '{count, plural, zero {# eitem a ddilëwyd} one {# eitem a ddilëwyd} two {# eitem a ddilëwyd} few {# eitem a ddilëwyd} many {# eitem a ddilëwyd} other {# eitem a ddilëwyd}}',
  'recovery.result.unbinned': '{count, plural, zero {# eitem} one {# eitem} two {# eitem} few {# eitem} many {# eitem} other {# eitem}} o’r bin',
  'recovery.result.texts': 'testun {count, plural, zero {# eitem} one {# eitem} two {# eitem} few {# eitem} many {# eitem} other {# eitem}}',
  'recovery.result.broughtBack': 'Daethpwyd â {parts} yn ôl. Mae pawb yn y gweithle yn eu cael yn ôl, a chafodd fersiwn o’r hyn oedd yno o’r blaen ei chadw.',
  'recovery.result.nothing': 'Nid oedd dim wedi’i ddileu ers hynny, felly ni newidiodd dim.',
  'recovery.result.failed': 'Ni adferwyd dim: {reason}',
  'recovery.problem.noProfile': 'Gosodwch eich proffil cyn adfer.',
  'recovery.problem.unreadable': 'Nid oes modd darllen y pwynt gwirio hwn ar y ddyfais hon mwyach.',
  'recovery.problem.gone': 'Nid yw’r pwynt gwirio hwn yn cael ei gadw ar y ddyfais hon mwyach.'
}
