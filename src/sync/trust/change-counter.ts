/**
 * A change's counter (signed-change.ts) is two numbers in one u32: the high 12 bits name a
 * sending session (a tab, from when it opened), the low 20 count its changes from 1. Tabs of one
 * browser share the device key but not a counter, and a reload starts again; each session is its
 * own sequence, so the gate's "each author's changes in order" (change-gate.ts) holds per session.
 */
const SEQUENCE_BITS = 20
const SEQUENCE_LIMIT = 2 ** SEQUENCE_BITS
const SESSIONS = 2 ** (32 - SEQUENCE_BITS)

/** The session part of a counter: changes of one session are decided in order. */
export const sessionOf = (counter: number): number => Math.floor(counter / SEQUENCE_LIMIT)

export interface ChangeCounter {
  next(): number
}

/** A fresh session's counter; after about a million changes it moves to another session. */
export const makeChangeCounter = (random: () => number = Math.random): ChangeCounter => {
  const newSession = (): number => 1 + Math.floor(random() * (SESSIONS - 1))
  let session = newSession()
  let sequence = 0
  return {
    next() {
      if (++sequence >= SEQUENCE_LIMIT) {
        session = newSession()
        sequence = 1
      }
      return session * SEQUENCE_LIMIT + sequence
    }
  }
}
