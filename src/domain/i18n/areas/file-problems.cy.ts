import type { fileProblemsEn } from './file-problems.en'

/** Problemau ffeiliau: why a backup, workspace file or changes file was refused, in Welsh. */
export const fileProblemsCy: Readonly<Record<keyof typeof fileProblemsEn, string>> = {
  'fileProblem.workspace.tooLarge': 'Mae’r ffeil hon yn fwy na {megabytes, number} MB, yn rhy fawr i fod yn ffeil gweithle Mutual.',
  'fileProblem.workspace.notOurs': 'Nid ffeil gweithle Mutual yw hon.',
  'fileProblem.workspace.damaged': 'Mae’r ffeil gweithle hon wedi’i difrodi neu wedi’i thorri’n fyr.',
  'fileProblem.workspace.otherVersion': 'Cafodd y ffeil gweithle hon ei gwneud gan fersiwn wahanol o Mutual, neu mae wedi’i difrodi.',
  'fileProblem.workspace.readOnly': 'Nid oedd modd darllen rhan o ddata cadw’r gweithle hwn, felly mae ar agor i’w ddarllen yn unig.',
  'fileProblem.backup.protected': 'Mae’r copi wrth gefn hwn wedi’i ddiogelu â chyfrinymadrodd.',
  'fileProblem.backup.cutShort': 'Mae’r ffeil copi wrth gefn hon wedi’i difrodi neu wedi’i thorri’n fyr.',
  'fileProblem.backup.damaged': 'Mae’r ffeil copi wrth gefn hon wedi’i difrodi.',
  'fileProblem.backup.wrongPassphrase': 'Mae’r cyfrinymadrodd yn anghywir, neu mae’r ffeil copi wrth gefn wedi’i difrodi.',
  'fileProblem.backup.attachmentsDamaged': 'Mae’r lluniau a’r ffeiliau yn y copi wrth gefn hwn wedi’u difrodi; cafodd y gweddill ei adfer.',
  'fileProblem.backup.attachmentsFailed': 'Nid oedd modd adfer y lluniau a’r ffeiliau yn y copi wrth gefn hwn.',
  'fileProblem.changes.tooLarge': 'Mae’r ffeil hon yn fwy na {megabytes, number} MB, yn rhy fawr i fod yn ffeil newidiadau. Ni newidiwyd dim.',
  'fileProblem.changes.notOurs':
    'Nid ffeil newidiadau Mutual yw hon. I ddod â gweithle cyfan i mewn, defnyddiwch “Mewnforio ffeil gweithle” ar y rhestr o weithleoedd. Ni newidiwyd dim.',
  'fileProblem.changes.newerFormat': 'Cafodd y ffeil newidiadau hon ei gwneud gan fersiwn mwy newydd o Mutual. Ail-lwythwch y dudalen i ddiweddaru’r ap, yna rhowch gynnig arall arni. Ni newidiwyd dim.',
  'fileProblem.changes.otherWorkspace': 'Mae’r ffeil newidiadau hon yn perthyn i weithle gwahanol. Ni newidiwyd dim.',
  'fileProblem.changes.damaged': 'Mae’r ffeil newidiadau hon wedi’i difrodi, wedi’i thorri’n fyr neu wedi’i newid, felly ni ellir ymddiried ynddi. Ni newidiwyd dim.',
  'fileProblem.changes.notMerged': 'Ni newidiwyd dim: {reason}',
  'fileProblem.check.tooSlow': 'Cymerodd darllen y ffeil hon ormod o amser, felly cafodd ei stopio: efallai iddi gael ei gwneud i niweidio’r ap. Ni newidiwyd dim.',
  'fileProblem.check.couldNotCheck':
    'Nid oedd modd i’r ddyfais hon wirio’r ffeil: nid yw rhan o’r ap wedi’i chadw i’w defnyddio all-lein eto. Ail-lwythwch y dudalen tra byddwch ar-lein a rhowch gynnig arall arni. Ni newidiwyd dim.'
}
