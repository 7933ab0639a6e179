import { z } from 'zod'

/**
 * What this device remembers about each relay of a workspace, so a reload resumes where it
 * left off instead of fetching the whole log again: the last entry it holds (`after`, sent in
 * HELLO), what it knows the relay holds (a state summary, see sync/state-summary.ts) and when
 * the relay last acknowledged holding everything this device had. Kept per workspace on this
 * device (registry), read back through the schema like everything stored.
 */
export const MAX_REMEMBERED_RELAYS = 8

export const StoredRelayCursorSchema = z.object({
  url: z.string().max(2048),
  after: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  held: z.object({ sv: z.string().max(1_000_000), deleted: z.number().int().nonnegative() }).nullable(),
  heldAt: z.number().nullable(),
  /**
   * The highest seq the relay acknowledged to this device (an APPEND's seq, a COMPACT's covers).
   * The relay holds at least that much, even when this device closed before its own entries
   * came back to it: a WELCOME head below it means the relay lost data.
   */
  acked: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional()
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
