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
        message:
          'This device has run out of storage space for Mutual, so your latest changes are not saved on it yet. ' +
          'They are still open here. Free up some space, then choose "Try saving again".',
        detail
      }
    case 'InvalidStateError':
      return {
        kind: 'closed',
        message:
          'The browser closed Mutual’s storage (this can happen when site data is cleared). ' +
          'Changes made since then are not saved on this device. Reload the page to reconnect.',
        detail
      }
    case 'VersionError':
      return {
        kind: 'version',
        message: 'This device’s saved data was written by a newer version of Mutual. Reload to update the app.',
        detail
      }
    case 'SecurityError':
    case 'NotAllowedError':
      return unavailableProblem(detail)
    default:
      return {
        kind: 'unknown',
        message:
          'Mutual could not save to this device’s storage. Your changes are still open here; ' +
          'choose "Try saving again", or reload the page.',
        detail
      }
  }
}

export const unavailableProblem = (detail: string): StorageProblem => ({
  kind: 'unavailable',
  message:
    'This browser is not letting Mutual save anything (private browsing may be on, or storage is turned off). ' +
    'You can look around, but nothing you make will be kept after you close this tab.',
  detail
})

export const blockedProblem = (what: string): StorageProblem => ({
  kind: 'blocked',
  message: `${what} is open in another tab or window. Close it there, then try again.`,
  detail: 'IndexedDB request blocked by another open connection'
})
