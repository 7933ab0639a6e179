/**
 * Restoring the workspace from this device's checkpoints: what a checkpoint held, the warning
 * after a run of deletions, and what a restore brought back, in English (Welsh: recovery.cy.ts).
 * Counts are ICU plurals, so Welsh gets its six forms.
 */
export const recoveryEn = {
  'recovery.count.items': '{count, plural, one {# item} other {# items}}',
  'recovery.count.versions': '{count, plural, one {# version} other {# versions}}',
  'recovery.count.binned': '{count, plural, one {# in the bin} other {# in the bin}}',
  // What this device keeps: the list holds checkpoints of the whole workspace and copies of versions
  'recovery.count.checkpoints': '{count, plural, one {# checkpoint} other {# checkpoints}}',
  'recovery.count.versionCopies': '{count, plural, one {# copy of a version} other {# copies of versions}}',
  /** Two counts in a sentence: "3 items and 2 versions". */
  'recovery.both': '{first} and {second}',
  // A checkpoint's line: the run of deletions it was taken before (local-history.ts stores the words)
  'recovery.label.beforeDeletions': 'Before {what} {count, plural, one {was} other {were}} deleted',
  'recovery.label.beforeDeletionsBy': 'Before {what} {count, plural, one {was} other {were}} deleted by {name}',
  'recovery.label.largeChange': 'Before a large change arrived',
  // The warning on the overview after most of the work (or every version) was deleted
  'recovery.flag.title': '{what} deleted in a few minutes',
  'recovery.flag.titleBy': '{what} deleted in a few minutes by {name}',
  'recovery.flag.body':
    'Between {from} and {to}. This device kept the workspace as it was just before. Restoring brings back what was deleted for everyone, and keeps anything done since.',
  'recovery.flag.restore': 'Restore everything that was deleted',
  'recovery.flag.dismiss': 'It was meant to happen',
  // What a restore brought back
  'recovery.result.items': '{count, plural, one {# deleted item} other {# deleted items}}',
  'recovery.result.unbinned': '{count, plural, one {# item} other {# items}} from the bin',
  'recovery.result.texts': 'the text of {count, plural, one {# item} other {# items}}',
  'recovery.result.broughtBack': 'Brought back {parts}. Everyone in the workspace gets them back, and a version of what was there before was saved.',
  'recovery.result.nothing': 'Nothing had been deleted since then, so nothing changed.',
  'recovery.result.failed': 'Nothing was restored: {reason}',
  // Why a restore could not start (local-history.ts uses these same words)
  'recovery.problem.noProfile': 'Set up your profile before restoring.',
  'recovery.problem.unreadable': 'This checkpoint can no longer be read on this device.',
  'recovery.problem.gone': 'This checkpoint is no longer kept on this device.'
} as const
