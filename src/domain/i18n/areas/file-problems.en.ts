/**
 * Why a file from outside the app was refused: a backup or workspace file, a changes file, and
 * the check of the changes inside either, in English. The storage and sync layers write these
 * same words (filling any {argument} with fillKnown), and the interface shows them in the chosen
 * language through translateKnown. Welsh: file-problems.cy.ts.
 */
export const fileProblemsEn = {
  // Backups and workspace files (storage/workspace-file.ts, backup.ts, passphrase-envelope.ts)
  'fileProblem.workspace.tooLarge': 'This file is larger than {megabytes, number} MB, too large to be a Mutual workspace file.',
  'fileProblem.workspace.notOurs': 'This is not a Mutual workspace file.',
  'fileProblem.workspace.damaged': 'This workspace file is damaged or cut short.',
  'fileProblem.workspace.otherVersion': 'This workspace file was made by a different version of Mutual, or is damaged.',
  'fileProblem.workspace.readOnly': 'Part of this workspace’s saved data could not be read, so it is open read-only.',
  'fileProblem.backup.protected': 'This backup is protected with a passphrase.',
  'fileProblem.backup.cutShort': 'This backup file is damaged or cut short.',
  'fileProblem.backup.damaged': 'This backup file is damaged.',
  'fileProblem.backup.wrongPassphrase': 'The passphrase is wrong, or the backup file is damaged.',
  'fileProblem.backup.attachmentsDamaged': 'The photos and files in this backup are damaged; the rest was restored.',
  'fileProblem.backup.attachmentsFailed': 'The photos and files in this backup could not be restored.',
  // Changes files (sync/changes-file.ts, changes-exchange.ts)
  'fileProblem.changes.tooLarge': 'This file is larger than {megabytes, number} MB, too large to be a changes file. Nothing was changed.',
  'fileProblem.changes.notOurs':
    'This is not a Mutual changes file. To bring in a whole workspace, use “Import a workspace file” on the list of workspaces. Nothing was changed.',
  'fileProblem.changes.newerFormat': 'This changes file was made by a newer version of Mutual. Reload the page to update the app, then try again. Nothing was changed.',
  'fileProblem.changes.otherWorkspace': 'This changes file belongs to a different workspace. Nothing was changed.',
  'fileProblem.changes.damaged': 'This changes file is damaged, cut short or has been altered, so it cannot be trusted. Nothing was changed.',
  'fileProblem.changes.notMerged': 'Nothing was changed: {reason}',
  // The check of a file's changes, in a Worker with a time limit (sync/file-check-problems.ts)
  'fileProblem.check.tooSlow': 'Reading this file took too long, so it was stopped: it may have been made to harm the app. Nothing was changed.',
  'fileProblem.check.couldNotCheck':
    'This device could not check the file: part of the app has not been saved for use offline yet. Reload the page while online and try again. Nothing was changed.'
} as const
