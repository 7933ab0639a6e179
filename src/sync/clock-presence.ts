import type { Awareness } from 'y-protocols/awareness'
import { createClockOffsets, type ClockOffsets } from '../domain/clock-offsets'
import { parsePresenceState } from '../domain/presence'

export const CLOCK_FIELD = 'clock'

interface AwarenessChange {
  added: number[]
  updated: number[]
}

/**
 * Shares this device's clock through presence and reads everyone else's, so a shared timer
 * reads the same on every device whatever their clocks say (domain/clock-offsets.ts).
 *
 * Every presence this device sends carries its clock reading taken as it is sent: its view,
 * its caret, and y-protocols' renewal every 15 s, which says "still here" when nothing else
 * has. So the readings cost no messages of their own, and a reading is as fresh as the
 * message that carries it.
 */
export const shareClock = (awareness: Awareness, deviceId: string): { offsets: ClockOffsets; stop: () => void } => {
  const offsets = createClockOffsets()
  // y-protocols sends every change of the local state through setLocalState (setLocalStateField
  // and its renewal included), so the reading is added there.
  const setLocalState = awareness.setLocalState.bind(awareness)
  awareness.setLocalState = (state) => setLocalState(state === null ? null : { ...state, [CLOCK_FIELD]: Date.now() })
  const onChange = ({ added, updated }: AwarenessChange, origin: unknown): void => {
    if (origin === 'local') return
    const receivedAt = Date.now()
    for (const clientId of [...added, ...updated]) {
      const state = parsePresenceState(awareness.getStates().get(clientId))
      // Tabs of this browser share its clock.
      if (!state?.device || state.device === deviceId || state.clock === undefined) continue
      offsets.observe(state.device, state.clock, receivedAt)
    }
  }
  awareness.on('change', onChange)
  return {
    offsets,
    stop: () => {
      awareness.setLocalState = setLocalState
      awareness.off('change', onChange)
    }
  }
}
