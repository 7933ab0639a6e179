import type { Awareness } from 'y-protocols/awareness'
import { createClockOffsets, type ClockOffsets } from '../domain/clock-offsets'
import { parsePresenceState } from '../domain/presence'

/**
 * How often a device puts its clock reading in its presence. y-protocols re-sends every
 * presence each 15 s anyway (so peers know it is still there); refreshing the reading a little
 * sooner takes the place of that renewal, so it costs no extra messages.
 */
export const CLOCK_REFRESH_MS = 14_000

export const CLOCK_FIELD = 'clock'

interface AwarenessChange {
  added: number[]
  updated: number[]
}

/**
 * Shares this device's clock through presence and reads everyone else's, so a shared timer
 * reads the same on every device whatever their clocks say (domain/clock-offsets.ts).
 */
export const shareClock = (awareness: Awareness, deviceId: string): { offsets: ClockOffsets; stop: () => void } => {
  const offsets = createClockOffsets()
  const publish = (): void => {
    if (awareness.getLocalState() !== null) awareness.setLocalStateField(CLOCK_FIELD, Date.now())
  }
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
  publish()
  const timer = setInterval(publish, CLOCK_REFRESH_MS)
  return {
    offsets,
    stop: () => {
      clearInterval(timer)
      awareness.off('change', onChange)
    }
  }
}
