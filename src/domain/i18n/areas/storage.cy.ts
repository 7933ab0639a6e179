import type { storageProblemsEn } from './storage.en'

/** Problems with storage on this device, in Welsh. */
export const storageProblemsCy: Readonly<Record<keyof typeof storageProblemsEn, string>> = {
  'storageProblem.quota': 'Mae’r ddyfais hon wedi rhedeg allan o le storio i Mutual, felly nid yw eich newidiadau diweddaraf wedi’u cadw arni eto. Maen nhw’n dal ar agor yma. Rhyddhewch rywfaint o le, yna dewiswch “Ceisio cadw eto”.',
  'storageProblem.closed': 'Caeodd y porwr storfa Mutual (gall hyn ddigwydd pan gaiff data gwefannau ei glirio). Nid yw newidiadau a wnaed ers hynny wedi’u cadw ar y ddyfais hon. Ail-lwythwch y dudalen i ailgysylltu.',
  'storageProblem.version': 'Cafodd data’r ddyfais hon ei ysgrifennu gan fersiwn mwy newydd o Mutual. Ail-lwythwch i ddiweddaru’r ap.',
  'storageProblem.unknown': 'Nid oedd modd i Mutual gadw i storfa’r ddyfais hon. Mae eich newidiadau’n dal ar agor yma; dewiswch “Ceisio cadw eto”, neu ail-lwythwch y dudalen.',
  'storageProblem.unavailable': 'Nid yw’r porwr hwn yn gadael i Mutual gadw dim (efallai fod pori preifat ymlaen, neu fod storio wedi’i ddiffodd). Gallwch edrych o gwmpas, ond ni fydd dim a wnewch yn cael ei gadw ar ôl i chi gau’r tab hwn.',
  'storageProblem.blocked': 'Mae {what} ar agor mewn tab neu ffenestr arall. Caewch ef yno, yna rhowch gynnig arall arni.',
  'storageProblem.deletedElsewhere': 'Cafodd y gweithle hwn ei ddileu mewn tab neu ffenestr arall. Ni chaiff dim mwy ei gadw yma.',
  'storageProblem.repairedElsewhere': 'Cafodd y gweithle hwn ei atgyweirio mewn tab neu ffenestr arall. Ail-lwythwch y dudalen i barhau gyda’r copi wedi’i atgyweirio.'
}
