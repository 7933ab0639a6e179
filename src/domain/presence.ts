import { z } from 'zod'
import { safeProfileColour } from './colours'

/**
 * Presence: who is here now and what they are looking at. It is shared live with peers
 * (y-protocols awareness) and never saved. Everything in it came from another device, so it
 * is read through these schemas; a state that does not parse is simply not shown.
 */

const HEX_ID = /^[0-9a-f]{32}$/

/**
 * `name` and `color` are also what TipTap's collaboration caret reads from `user`, so the
 * same record labels a person's caret in the editor.
 */
export const PresenceUserSchema = z.object({
  name: z.string().trim().min(1).max(80),
  color: z.string().max(32),
  organisation: z.string().max(120),
  memberId: z.string().regex(HEX_ID)
})
export type PresenceUser = z.infer<typeof PresenceUserSchema>

/** What a person has open: the overview (null) or one artifact. */
export const PresenceViewSchema = z.object({ artifactId: z.string().regex(HEX_ID).nullable() })
export type PresenceView = z.infer<typeof PresenceViewSchema>

export const PresenceStateSchema = z.object({
  user: PresenceUserSchema,
  view: PresenceViewSchema.optional(),
  /** A random id per browser profile: tabs of one browser are not separate devices. */
  device: z.string().max(64).optional(),
  /** A digest of the device's document state, for "has every change reached someone?". */
  seen: z.string().max(64).optional(),
  /** Its id in the signalling room, so devices can tell whom their group reaches (domain/peer-mesh.ts). */
  peer: z.string().max(100).optional(),
  /** The device's clock (ms since 1970) when it last said so, for shared timers (domain/clock-offsets.ts). */
  clock: z.number().optional()
})
export type PresenceState = z.infer<typeof PresenceStateSchema>

export interface PersonHere {
  memberId: string
  name: string
  organisation: string
  colour: string
  /** The distinct things this person has open, across their tabs and devices. */
  viewing: (string | null)[]
}


/**
 * Presence changes with every remote caret move, but a peer's state object is replaced only
 * when that peer's state changes, so each one is validated once, not on every change event.
 */
const parsedStates = new WeakMap<object, PresenceState | null>()

export const parsePresenceState = (raw: unknown): PresenceState | null => {
  if (typeof raw !== 'object' || raw === null) return null
  let parsed = parsedStates.get(raw)
  if (parsed === undefined) {
    const result = PresenceStateSchema.safeParse(raw)
    parsed = result.success ? result.data : null
    parsedStates.set(raw, parsed)
  }
  return parsed
}

/**
 * Everyone present apart from this person, once each (a person may have several tabs or
 * devices open), sorted by name. A colour outside the palette is shown in slate, so a peer
 * cannot paint unreadable avatars.
 */
export const readPeopleHere = (states: Iterable<[number, unknown]>, selfMemberId: string): PersonHere[] => {
  const people = new Map<string, PersonHere>()
  for (const [, raw] of states) {
    const parsed = parsePresenceState(raw)
    if (!parsed || parsed.user.memberId === selfMemberId) continue
    const { user, view } = parsed
    const person = people.get(user.memberId) ?? {
      memberId: user.memberId,
      name: user.name,
      organisation: user.organisation,
      colour: safeProfileColour(user.color),
      viewing: []
    }
    const looking = view?.artifactId ?? null
    if (!person.viewing.includes(looking)) person.viewing.push(looking)
    people.set(user.memberId, person)
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name) || a.memberId.localeCompare(b.memberId))
}
