import type { presenceEn } from './presence.en'

/** Pwy sydd yma nawr, a ffrâm eitem: the Welsh for presence.en.ts, same keys and ICU arguments. */
export const presenceCy: Readonly<Record<keyof typeof presenceEn, string>> = {
  'presence.title': 'Yma nawr',
  'presence.onlyYou': 'Dim ond chi',
  'presence.viewing': 'Yn edrych ar {places}',
  'presence.and': ' a ',
  'presence.theOverview': 'y trosolwg',
  'presence.notOnDevice': 'eitem nad yw ar y ddyfais hon eto',
  'presence.inBin': 'eitem yn y bin',
  'artifact.notFound.title': 'Heb ddod o hyd i’r eitem',
  'artifact.notFound.body': 'Nid oes eitem yn y cyfeiriad hwn yn y gweithle hwn. Efallai nad yw wedi cyrraedd y ddyfais hon eto.',
  'artifact.unknownKind.title': 'Ddim ar gael eto',
  'artifact.unknownKind.body': 'Ni ellir agor y math hwn o eitem yn y fersiwn hon o Mutual.',
  'artifact.history': 'Hanes',
  'artifact.openingHistory': 'Yn agor yr hanes…',
  'artifact.opening': 'Yn agor…'
}
