import type { CheckProblem } from './untrusted-update'

/**
 * What a person reads when a file's changes could not be checked (untrusted-update.ts), for
 * changes files and workspace files alike; `unreadable` says what kind of file was damaged.
 */
export const fileCheckProblems = (unreadable: string): Record<CheckProblem, string> => ({
  unreadable,
  'too-slow': 'Reading this file took too long, so it was stopped: it may have been made to harm the app. Nothing was changed.',
  'could-not-check':
    'This device could not check the file: part of the app has not been saved for use offline yet. Reload the page while online and try again. Nothing was changed.'
})
