/**
 * How far other devices' clocks are from this one's. A shared timer stores when it ends by the
 * clock of the device that started it; a participant's laptop a minute out would otherwise
 * show a minute more or less than the facilitator's screen.
 *
 * Each device puts its clock reading in every presence message it sends, at least every 15 s
 * (sync/clock-presence). A reading that arrives straight away says: their clock minus mine is
 * (reading − now), give or take the network's few milliseconds. A reading can also arrive
 * late: a device that joins is handed everyone's last presence at once, readings up to 15 s
 * old. A late reading makes the other clock look further behind than it is, never ahead, so
 * the estimate is the largest of the recent readings. The first reading of a device is not
 * used at all (it may be such a hand-over); until a second one comes, its clock is taken to
 * agree with this one.
 */

/** Readings older than this no longer count (a device's clock may have been corrected). */
export const CLOCK_READING_WINDOW_MS = 60_000
const READINGS_KEPT = 8
/**
 * A reading further out than this is not a clock that is out, but a broken one or a garbage
 * message: it is ignored rather than thrown at every timer.
 */
const MAX_OFFSET_MS = 24 * 60 * 60_000

interface Reading {
  offsetMs: number
  receivedAt: number
}

interface DeviceClock {
  lastReading: number
  trusted: Reading[]
}

export interface ClockOffsets {
  /** A device's clock reading, as it arrived here at `receivedAt` (this device's clock). */
  observe(device: string, reading: number, receivedAt: number): void
  /**
   * What to add to this device's clock to read `device`'s: 0 for a device not heard from
   * twice yet (or none: this device).
   */
  offsetOf(device: string | undefined, now: number): number
}

export const createClockOffsets = (): ClockOffsets => {
  const devices = new Map<string, DeviceClock>()
  return {
    observe(device, reading, receivedAt) {
      if (!Number.isFinite(reading) || !Number.isFinite(receivedAt) || Math.abs(reading - receivedAt) > MAX_OFFSET_MS) return
      const known = devices.get(device)
      if (!known) {
        devices.set(device, { lastReading: reading, trusted: [] })
        return
      }
      // The same reading again (a state passed on unchanged) says nothing new.
      if (reading === known.lastReading) return
      known.lastReading = reading
      known.trusted.push({ offsetMs: reading - receivedAt, receivedAt })
      if (known.trusted.length > READINGS_KEPT) known.trusted.shift()
    },
    offsetOf(device, now) {
      const trusted = device ? devices.get(device)?.trusted : undefined
      if (!trusted?.length) return 0
      const recent = trusted.filter((r) => now - r.receivedAt <= CLOCK_READING_WINDOW_MS)
      // With nothing recent (the device went quiet), its latest reading is the best there is.
      const readings = recent.length ? recent : trusted.slice(-1)
      return Math.max(...readings.map((r) => r.offsetMs))
    }
  }
}
