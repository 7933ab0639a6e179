import type { attachmentsEn } from './attachments.en'

/** Atodiadau: adding photos and files to notes, in Welsh. */
export const attachmentsCy: Readonly<Record<keyof typeof attachmentsEn, string>> = {
  'attachments.addPhoto': 'Ychwanegu llun',
  'attachments.attachFile': 'Atodi ffeil',
  'attachments.photoInput': 'Llun i’w ychwanegu',
  'attachments.fileInput': 'Ffeil i’w hatodi',
  'attachments.limits': 'Hyd at {perFile} i bob ffeil, {perWorkspace} i’r gweithle ar y ddyfais hon. Caiff lluniau eu gwneud yn llai a chaiff data eu lleoliad ei dynnu.',
  'attachments.tooMany': 'Ychwanegwch hyd at {max} ffeil ar y tro.',
  'attachments.adding': '{count, plural, zero {Yn ychwanegu # ffeil…} one {Yn ychwanegu’r ffeil…} two {Yn ychwanegu # ffeil…} few {Yn ychwanegu # ffeil…} many {Yn ychwanegu # ffeil…} other {Yn ychwanegu # ffeil…}}',
  'attachments.added': '{count, plural, zero {Ffeiliau wedi’u hychwanegu.} one {Wedi’i hychwanegu.} two {Ffeiliau wedi’u hychwanegu.} few {Ffeiliau wedi’u hychwanegu.} many {Ffeiliau wedi’u hychwanegu.} other {Ffeiliau wedi’u hychwanegu.}}',
  'attachments.altSaved': 'Testun amgen wedi’i gadw.',
  'attachments.altStillMissing': 'Nid oes gan y llun destun amgen o hyd.',
  'attachments.describe': 'Disgrifio’r llun hwn',
  'attachments.alt': 'Testun amgen',
  'attachments.altHint': 'Yr hyn y mae’r llun yn ei ddangos, i bobl nad ydynt yn gallu ei weld. Er enghraifft: mynedfa’r ganolfan gymunedol, gyda gris a dim ramp.',
  'attachments.saveAlt': 'Cadw’r testun amgen',
  'attachments.later': 'Yn nes ymlaen',
  'attachments.problem.undecodable': 'Nid oedd modd agor y ddelwedd hon. Efallai ei bod wedi’i difrodi, neu mewn fformat na all y porwr hwn ei ddarllen (fel HEIC): ceisiwch ei chadw fel JPEG. Ni ychwanegwyd dim.',
  'attachments.problem.failed': 'Nid oedd modd paratoi’r llun hwn. Ni ychwanegwyd dim.',
  'attachments.problem.tooSlow': 'Cymerodd y llun hwn ormod o amser i’w baratoi. Ni ychwanegwyd dim.'
}
