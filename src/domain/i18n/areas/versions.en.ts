/**
 * Names of the versions Mutual takes by itself, built when shown (from the version's kind and
 * time) so they read in the current language, not as the English stored with them. Welsh: versions.cy.ts.
 */
export const versionNamesEn = {
  'versionName.startOf': 'Start of {day}',
  'versionName.beforeRestoring': 'Before restoring {detail}',
  'versionName.beforeRestoringEarlier': 'Before restoring an earlier version',
  'versionName.beforeImporting': 'Before importing {detail}',
  'versionName.beforeImportingFile': 'Before importing a file'
} as const
