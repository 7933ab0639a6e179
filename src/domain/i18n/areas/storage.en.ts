/**
 * What a storage problem means for the person's work, in English (storage/storage-problem.ts
 * uses these same words; the banners show them in the chosen language). Welsh: storage.cy.ts.
 */
export const storageProblemsEn = {
  'storageProblem.quota': 'This device has run out of storage space for Mutual, so your latest changes are not saved on it yet. They are still open here. Free up some space, then choose "Try saving again".',
  'storageProblem.closed': 'The browser closed Mutual’s storage (this can happen when site data is cleared). Changes made since then are not saved on this device. Reload the page to reconnect.',
  'storageProblem.version': 'This device’s saved data was written by a newer version of Mutual. Reload to update the app.',
  'storageProblem.unknown': 'Mutual could not save to this device’s storage. Your changes are still open here; choose "Try saving again", or reload the page.',
  'storageProblem.unavailable': 'This browser is not letting Mutual save anything (private browsing may be on, or storage is turned off). You can look around, but nothing you make will be kept after you close this tab.',
  /** {what} is the workspace, named in quotes, or "This workspace"; filled by fillKnown. */
  'storageProblem.blocked': '{what} is open in another tab or window. Close it there, then try again.',
  'storageProblem.deletedElsewhere': 'This workspace was deleted in another tab or window. Nothing more is saved here.',
  'storageProblem.repairedElsewhere': 'This workspace was repaired in another tab or window. Reload the page to carry on with the repaired copy.'
} as const
