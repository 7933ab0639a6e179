import type * as Y from 'yjs'
import { BrainstormEndSchema, MAX_DRAFTS_PER_BOARD, type BrainstormEnd, type WaitingNotes } from '../domain/brainstorm-draft'

/**
 * What the shared board records about silent brainstorms, beside its settings: how each one
 * ended, and how many notes each device still holds back. Never a note's text: that stays on
 * its device until the reveal. The records are keys of the board's settings map rather than
 * a map of their own, because boards made before them have no such map, and two devices
 * adding one at the same moment would each lose the other's entries.
 */
const END = 'brainstormEnd:'
const WAITING = 'brainstormWaiting:'

export const brainstormEndKey = (brainstormId: string): string => `${END}${brainstormId}`
export const waitingNotesKey = (brainstormId: string, deviceId: string): string => `${WAITING}${brainstormId}:${deviceId}`

/** Whether a settings key is a device's waiting count: written by participants, not only facilitators. */
export const isWaitingNotesKey = (key: string): boolean => key.startsWith(WAITING)

export interface BrainstormRecords {
  /** How each brainstorm that is over ended, by its id. */
  ends: Record<string, BrainstormEnd>
  /** Notes devices are holding back, by brainstorm and device. */
  waiting: WaitingNotes[]
}

const readWaiting = (key: string, value: unknown): WaitingNotes | null => {
  const [brainstormId, deviceId] = key.slice(WAITING.length).split(':')
  if (!brainstormId || !deviceId || typeof value !== 'object' || value === null) return null
  const { memberId, count } = value as { memberId?: unknown; count?: unknown }
  if (typeof memberId !== 'string' || memberId.length > 64) return null
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_DRAFTS_PER_BOARD) return null
  return { brainstormId, deviceId, memberId, count }
}

/** The records as every device reads them: anything malformed is left out, in the same order everywhere. */
export const readBrainstormRecords = (settings: Y.Map<unknown>): BrainstormRecords => {
  const ends: Record<string, BrainstormEnd> = {}
  const waiting: WaitingNotes[] = []
  settings.forEach((value, key) => {
    if (key.startsWith(END)) {
      const end = BrainstormEndSchema.safeParse(value)
      if (end.success) ends[key.slice(END.length)] = end.data
    } else if (key.startsWith(WAITING)) {
      const entry = readWaiting(key, value)
      if (entry) waiting.push(entry)
    }
  })
  waiting.sort((a, b) => (a.brainstormId + a.deviceId < b.brainstormId + b.deviceId ? -1 : 1))
  return { ends, waiting }
}

/** The keys of every device's waiting count for one brainstorm. */
export const waitingKeysOf = (settings: Y.Map<unknown>, brainstormId: string): string[] =>
  [...settings.keys()].filter((key) => key.startsWith(`${WAITING}${brainstormId}:`))
