import { checkStateOffThread, workersAvailable, type CheckedState } from '../untrusted-update'
import type { ClockRange } from '../update-clock-ranges'
import type { StateCheckRequest } from './state-check'
import type { StateOutcome } from './state-outcome'
import type { TrustChannel } from './trust-channel'

/**
 * A large signed state (a whole workspace for a device that has just joined) checked in the
 * checking worker (trust/state-check.ts) rather than on the page, whichever way it came: from
 * the relay (relay/relay-trust.ts) or from a peer over WebRTC (y-webrtc-trust.ts). The page
 * then only settles the worker's verdict inputs and applies the state, decoding it once.
 */
export type StateCheckOffThread = (request: StateCheckRequest) => Promise<CheckedState>

/** Smaller states are checked on the page: a worker's start costs more than their decode. */
export const CHECK_STATE_OFF_THREAD_FROM_BYTES = 256 * 1024

/** The checking worker where this platform has one (browsers), else null (Node: checked on the page). */
export const defaultStateCheck = (): StateCheckOffThread | null => (workersAvailable() ? checkStateOffThread : null)

/**
 * `received`: checked whole in the worker, then judged and applied (or refused, or held) as
 * receiveState would; `unreadable`: the worker found it unreadable, too slow, or answered with
 * something other than a check, so nothing was applied; `could-not-check`: the worker never
 * started, which says nothing about the state (the caller decides what to do instead).
 */
export type StateOffThread = { kind: 'received'; ranges: ClockRange[]; outcome: StateOutcome } | { kind: 'unreadable' } | { kind: 'could-not-check' }

/** `checked` runs once the worker has answered, before the page judges and applies (a timing mark). */
export const receiveStateOffThread = async (
  channel: TrustChannel,
  signed: Uint8Array,
  origin: unknown,
  offThread: StateCheckOffThread,
  checked: () => void = () => {}
): Promise<StateOffThread> => {
  const check = await offThread(channel.stateCheckRequest(signed))
  checked()
  if (check.ok) return { kind: 'received', ranges: check.state.ranges, outcome: await channel.receiveCheckedState(signed, check.state, origin) }
  return { kind: check.problem === 'could-not-check' ? 'could-not-check' : 'unreadable' }
}
