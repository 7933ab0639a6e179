import { z } from 'zod'

/**
 * What this device remembers about each relay of a workspace, so a reload resumes where it
 * left off instead of fetching the whole log again: the last entry it holds (`after`, sent in
 * HELLO), the last seq the relay acknowledged for it (`acked`), what it knows the relay holds (a state summary, see sync/state-summary.ts) and when
 * the relay last acknowledged holding everything this device had. Kept per workspace on this
 * device (registry), read back through the schema like everything stored.
 */
export const MAX_REMEMBERED_RELAYS = 8

export const StoredRelayCursorSchema = z.object({
  url: z.string().max(2048),
  after: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  /**
   * The highest seq the relay gave one of this device's own appends: its head was at least this.
   * The entry itself may not have come back yet (`after` lags), so this is what shows that a
   * relay whose head is now lower has lost data. Absent in cursors stored before it existed.
   */
  acked: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
  held: z.object({ sv: z.string().max(1_000_000), deleted: z.number().int().nonnegative() }).nullable(),
  /**
   * True once `held` was counted with signed sync on (docs/trust.md, "Relay entries" 5). Absent
   * in cursors kept before: what the relay held then was unsigned, which signed devices drop, so
   * `held` is forgotten once and this device's whole state goes up again, signed.
   */
  heldSigned: z.literal(true).optional(),
  heldAt: z.number().nullable()
})
export type StoredRelayCursor = z.infer<typeof StoredRelayCursorSchema>

export const StoredRelayStateSchema = z.object({
  relays: z.array(StoredRelayCursorSchema).max(MAX_REMEMBERED_RELAYS)
})
export type StoredRelayState = z.infer<typeof StoredRelayStateSchema>

export const EMPTY_RELAY_STATE: StoredRelayState = { relays: [] }

/** Stored bytes are `unknown`: anything that does not parse is a fresh start, never an error. */
export const readStoredRelayState = (stored: unknown): StoredRelayState => {
  const parsed = StoredRelayStateSchema.safeParse(stored)
  return parsed.success ? parsed.data : EMPTY_RELAY_STATE
}
