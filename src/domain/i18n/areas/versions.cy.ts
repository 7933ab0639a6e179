import type { versionNamesEn } from './versions.en'

/** Names of automatic versions, in Welsh. */
export const versionNamesCy: Readonly<Record<keyof typeof versionNamesEn, string>> = {
  'versionName.startOf': 'Dechrau {day}',
  'versionName.beforeRestoring': 'Cyn adfer {detail}',
  'versionName.beforeRestoringItem': 'Cyn adfer “{title}” i “{version}”',
  'versionName.beforeRestoringDetails': 'Cyn adfer manylion y labordy i “{version}”',
  'versionName.beforeRestoringEarlier': 'Cyn adfer fersiwn gynharach',
  'versionName.beforeRestoringCheckpoint': 'Cyn adfer y gweithle fel yr oedd am {time}',
  'versionName.beforeImporting': 'Cyn mewnforio {detail}',
  'versionName.beforeImportingFile': 'Cyn mewnforio ffeil',
  'versionName.beforeImportingChangesFile': 'Cyn mewnforio ffeil newidiadau'
}
