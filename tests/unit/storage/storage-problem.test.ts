import { describe, expect, it } from 'vitest'
import { blockedProblem, describeStorageError, unavailableProblem } from '../../../src/storage/storage-problem'

describe('describeStorageError', () => {
  it('explains a full disk and says the changes are still open here', () => {
    const problem = describeStorageError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
    expect(problem.kind).toBe('quota')
    expect(problem.message).toMatch(/run out of storage space/)
    expect(problem.message).toMatch(/Try saving again/)
    expect(problem.detail).toBe('QuotaExceededError: The quota has been exceeded.')
  })

  it('explains storage the browser closed', () => {
    const problem = describeStorageError(new DOMException('The database connection is closing.', 'InvalidStateError'))
    expect(problem.kind).toBe('closed')
    expect(problem.message).toMatch(/Reload the page/)
  })

  it('explains data written by a newer version', () => {
    expect(describeStorageError(new DOMException('x', 'VersionError')).kind).toBe('version')
  })

  it('treats refused access as storage being unavailable', () => {
    for (const name of ['SecurityError', 'NotAllowedError']) {
      const problem = describeStorageError(new DOMException('denied', name))
      expect(problem.kind).toBe('unavailable')
      expect(problem.message).toMatch(/not letting Mutual save/)
      expect(problem.detail).toBe(`${name}: denied`)
    }
  })

  it('still says something useful about errors it does not know, keeping the detail', () => {
    expect(describeStorageError(new Error('disk on fire'))).toMatchObject({
      kind: 'unknown',
      message: expect.stringMatching(/could not save/),
      detail: 'Error: disk on fire'
    })
    expect(describeStorageError('just a string')).toMatchObject({ kind: 'unknown', detail: 'just a string' })
    expect(describeStorageError(null)).toMatchObject({ kind: 'unknown', detail: 'null' })
  })

  it('builds the unavailable and blocked messages', () => {
    expect(unavailableProblem('indexedDB is not defined')).toMatchObject({
      kind: 'unavailable',
      detail: 'indexedDB is not defined'
    })
    expect(blockedProblem('“Lab”').message).toBe('“Lab” is open in another tab or window. Close it there, then try again.')
  })

  it('sees through the plain Error that lib0 wraps IndexedDB errors in', () => {
    const wrapped = new Error(String(new DOMException('The quota has been exceeded.', 'QuotaExceededError')))
    expect(describeStorageError(wrapped).kind).toBe('quota')
    expect(describeStorageError(new Error('VersionError: stored is newer')).kind).toBe('version')
    expect(describeStorageError(new Error('Something QuotaExceededError: later')).kind).toBe('unknown')
  })
})
