import type { en } from './messages-en'

/**
 * Y catalog Cymraeg: the Welsh catalogue. Same keys and ICU arguments as messages-en.ts (the
 * type and a unit test check both). Plurals use Welsh's six forms: zero, one, two, few, many,
 * other. This translation needs review by a Welsh speaker before a council relies on it: see
 * "Welsh (Cymraeg)" in README.md for how to send corrections.
 */
export const cy: Readonly<Record<keyof typeof en, string>> = {
  // The shell: header, skip link, first run, page not found
  'shell.skipLink': 'Neidio i’r prif gynnwys',
  'shell.yourProfile': 'Eich proffil:',
  'shell.noSaving.title': 'Ni fydd dim yn cael ei gadw ar y ddyfais hon',
  'notFound.title': 'Heb ddod o hyd i’r dudalen',
  'notFound.body': 'Nid yw’r cyfeiriad hwn yn arwain i unman yn Mutual.',
  'notFound.home': 'Ewch i’ch gweithleoedd',
  'startup.failed': 'Nid oedd modd cychwyn Mutual: {reason}',
  // Profile and first run
  'profile.title.check': 'Gwiriwch eich proffil',
  'profile.title.welcome': 'Croeso i Mutual',
  'profile.title.yours': 'Eich proffil',
  'profile.intro': 'Mae Mutual yn cadw nodiadau, adroddiadau a mapiau eich labordy polisi ar eich dyfeisiau eich hun ac yn eu rhannu’n uniongyrchol â’r bobl rydych chi’n eu gwahodd. Yn gyntaf, dywedwch wrth eich cydweithwyr pwy ydych chi.',
  'profile.invited.title': 'Rydych chi wedi cael gwahoddiad i weithle',
  'profile.invited.body': 'Gosodwch eich proffil yn gyntaf; gallwch ymuno â’r gweithle yn syth wedyn.',
  'profile.unreadable.title': 'Nid oedd modd darllen eich proffil sydd wedi’i gadw',
  'profile.unreadable.filledIn': '{reason} Mae’r manylion y gellid eu darllen wedi’u llenwi isod.',
  'profile.unreadable.next': 'Gwiriwch nhw, llenwch y gweddill a chadw. Nid yw hyn yn effeithio ar eich gweithleoedd ar y ddyfais hon.',
  'profile.saved': 'Proffil wedi’i gadw',
  'profile.backHome': 'Yn ôl i’ch gweithleoedd',
  'profile.saveAndContinue': 'Cadw a pharhau',
  'profile.save': 'Cadw’r proffil',
  'profile.saveFailed': 'Nid oedd modd cadw eich proffil: {reason}',
  'profile.name.label': 'Eich enw',
  'profile.name.hint': 'Yn cael ei ddangos i’r bobl rydych chi’n gweithio gyda nhw, wrth ymyl yr hyn rydych chi’n ei ysgrifennu.',
  'profile.organisation.label': 'Cyngor neu sefydliad',
  'profile.organisation.hint': 'Dechreuwch deipio i ddewis aelod o CCIN, neu ysgrifennwch unrhyw sefydliad.',
  'profile.colour.legend': 'Eich lliw',
  'profile.colour.hint': 'Mae’n nodi eich enw a’ch cyrchwr i eraill.',
  'profile.staysHere': 'Mae eich proffil yn aros ar y ddyfais hon. Dim ond gyda’r gweithleoedd rydych chi’n cymryd rhan ynddyn nhw y caiff ei rannu.',
  'common.saving': 'Yn cadw…',
  'colour.Blue': 'Glas',
  'colour.Red': 'Coch',
  'colour.Green': 'Gwyrdd',
  'colour.Purple': 'Porffor',
  'colour.Amber': 'Ambr',
  'colour.Teal': 'Gwyrddlas',
  'colour.Pink': 'Pinc',
  'colour.Slate': 'Llwyd',
}
