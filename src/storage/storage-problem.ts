import { storageProblemsEn } from '../domain/i18n/areas/storage.en'
import { fillKnown } from '../domain/i18n/known-text'
/** A storage failure, described for the person using the app. */
export interface StorageProblem {
  kind: 'quota' | 'closed' | 'blocked' | 'unavailable' | 'version' | 'unknown'
  message: string
  detail: string
}

const KNOWN_NAMES = ['QuotaExceededError', 'InvalidStateError', 'VersionError', 'SecurityError', 'NotAllowedError']

const errorName = (error: unknown): string => {
  if (!(error instanceof DOMException || error instanceof Error)) return ''
  // lib0 (under y-indexeddb) rewraps IndexedDB's DOMException as `new Error(domException)`,
  // which keeps the original name only at the start of the message.
  const wrapped = KNOWN_NAMES.find((name) => error.message.startsWith(`${name}:`))
  return error.name === 'Error' && wrapped ? wrapped : error.name
}

const errorText = (error: unknown): string =>
  error instanceof Error || error instanceof DOMException ? error.message : String(error)

/** Maps an IndexedDB error to what it means for the person's work. */
export const describeStorageError = (error: unknown): StorageProblem => {
  const name = errorName(error)
  const detail = [name, errorText(error)].filter(Boolean).join(': ')
  switch (name) {
    case 'QuotaExceededError':
      return {
        kind: 'quota',
        message: storageProblemsEn['storageProblem.quota'],
        detail
      }
    case 'InvalidStateError':
      return {
        kind: 'closed',
        message: storageProblemsEn['storageProblem.closed'],
        detail
      }
    case 'VersionError':
      return {
        kind: 'version',
        message: storageProblemsEn['storageProblem.version'],
        detail
      }
    case 'SecurityError':
    case 'NotAllowedError':
      return unavailableProblem(detail)
    default:
      return {
        kind: 'unknown',
        message: storageProblemsEn['storageProblem.unknown'],
        detail
      }
  }
}

export const unavailableProblem = (detail: string): StorageProblem => ({
  kind: 'unavailable',
  message: storageProblemsEn['storageProblem.unavailable'],
  detail
})

export const blockedProblem = (what: string): StorageProblem => ({
  kind: 'blocked',
  message: fillKnown('storageProblem.blocked', { what }),
  detail: 'IndexedDB request blocked by another open connection'
})
