/**
 * Names of the versions Mutual takes by itself, built when shown (from the version's kind and
 * time) so they read in the current language, not as the English stored with them. Welsh: versions.cy.ts.
 */
export const versionNamesEn = {
  'versionName.startOf': 'Start of {day}',
  'versionName.beforeRestoring': 'Before restoring {detail}',
  'versionName.beforeRestoringItem': 'Before restoring “{title}” to “{version}”',
  'versionName.beforeRestoringDetails': 'Before restoring the lab’s details to “{version}”',
  'versionName.beforeRestoringEarlier': 'Before restoring an earlier version',
  /** Restoring a checkpoint from this device's history (Recovery); {time} in the chosen language. */
  'versionName.beforeRestoringCheckpoint': 'Before restoring the workspace as it was at {time}',
  'versionName.beforeImporting': 'Before importing {detail}',
  'versionName.beforeImportingFile': 'Before importing a file',
  'versionName.beforeImportingChangesFile': 'Before importing a changes file'
} as const
