import { checkRoomMessage, type RoomMessageKind } from './message-guard'
import { CHECK_OFF_THREAD_ABOVE_BYTES, overBudget } from './peer-message-budget'
import { checkMessageOffThread, workersAvailable, type CheckedMessage, type CheckProblem } from './untrusted-update'

/**
 * Whether a message from a peer or another tab may reach y-webrtc: within its size budget
 * (peer-message-budget.ts) and well-formed through to its last byte (message-guard.ts). A
 * small message is checked here and now; a large one in a worker with a time limit, where
 * there are workers, so the page decodes it only once, when Yjs applies it.
 */
export type Admission = { ok: true; kind: RoomMessageKind } | { ok: false; reason: string }
export type OffThreadCheck = (message: Uint8Array) => Promise<CheckedMessage>

const OFF_THREAD_PROBLEMS: Record<CheckProblem, string> = {
  unreadable: 'a malformed message',
  'too-slow': 'a message that took too long to check',
  'could-not-check': 'a large message this device could not check (its checker did not start)'
}

const checkHere = (message: Uint8Array): Admission => {
  const kind = checkRoomMessage(message)
  return kind ? { ok: true, kind } : { ok: false, reason: 'a malformed message' }
}

const defaultOffThread = (): OffThreadCheck | null => (workersAvailable() ? checkMessageOffThread : null)

/** The verdict now, for a message that needs no worker; null when it must go to one (admitRoomMessage). */
export const admitNow = (message: Uint8Array, offThread: OffThreadCheck | null = defaultOffThread()): Admission | null => {
  const over = overBudget(message)
  if (over) return { ok: false, reason: over }
  if (offThread && message.length > CHECK_OFF_THREAD_ABOVE_BYTES) return null
  return checkHere(message)
}

/**
 * A message its recipient checks whole itself, in the checking worker (a large signed state,
 * y-webrtc-trust.ts's checksWhole): only its size budget is checked here, so the page never
 * waits for the same workspace to be decoded twice. Nothing of it reaches y-webrtc.
 */
export const admitForWholeCheck = (message: Uint8Array, kind: RoomMessageKind): Admission => {
  const over = overBudget(message)
  return over ? { ok: false, reason: over } : { ok: true, kind }
}

export const admitRoomMessage = async (message: Uint8Array, offThread: OffThreadCheck | null = defaultOffThread()): Promise<Admission> => {
  const now = admitNow(message, offThread)
  if (now || !offThread) return now ?? checkHere(message)
  const checked = await offThread(message)
  return checked.ok ? { ok: true, kind: checked.kind } : { ok: false, reason: OFF_THREAD_PROBLEMS[checked.problem] }
}
