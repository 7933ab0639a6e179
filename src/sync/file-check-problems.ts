import type { CheckProblem } from './untrusted-update'
import { fileProblemsEn } from '../domain/i18n/areas/file-problems.en'

/**
 * What a person reads when a file's changes could not be checked (untrusted-update.ts), for
 * changes files and workspace files alike; `unreadable` says what kind of file was damaged.
 */
export const fileCheckProblems = (unreadable: string): Record<CheckProblem, string> => ({
  unreadable,
  'too-slow': fileProblemsEn['fileProblem.check.tooSlow'],
  'could-not-check': fileProblemsEn['fileProblem.check.couldNotCheck']
})
