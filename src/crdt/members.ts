import type * as Y from 'yjs'
import { z } from 'zod'
import { SharedProfileColourSchema } from '../domain/colours'
import type { Profile } from '../domain/profile'
import { mutate } from './mutate'
import { MEMBERSHIP } from './origins'
import { membersMap } from './workspace-doc'

/** A person who has worked in this workspace, as they described themselves. */
export const MemberSchema = z.object({
  name: z.string(),
  organisation: z.string(),
  /** Shown in styles (avatars, authorship): only a palette colour gets through. */
  colour: SharedProfileColourSchema,
  firstSeenAt: z.number(),
  lastSeenAt: z.number()
})
export type Member = z.infer<typeof MemberSchema> & { id: string }

/** "Last seen" is refreshed at most this often: with gc off, every write is kept for good. */
export const LAST_SEEN_RESOLUTION_MS = 60 * 60 * 1000

/**
 * Records (or refreshes) this device's person in the workspace's member list. The member id
 * is the profile's local id, so the same person keeps one entry across sessions. Opening a
 * workspace is not editing it, so this writes with its own origin, and writes nothing when
 * the entry is already current.
 */
export const recordMember = (doc: Y.Doc, memberId: string, profile: Profile, now: number): void => {
  const existing = MemberSchema.safeParse(membersMap(doc).get(memberId))
  const current =
    existing.success &&
    existing.data.name === profile.name &&
    existing.data.organisation === profile.organisation &&
    existing.data.colour === profile.colour &&
    now - existing.data.lastSeenAt < LAST_SEEN_RESOLUTION_MS
  if (current) return
  mutate(
    doc,
    () => {
      membersMap(doc).set(memberId, {
        name: profile.name,
        organisation: profile.organisation,
        colour: profile.colour,
        firstSeenAt: existing.success ? existing.data.firstSeenAt : now,
        lastSeenAt: now
      })
    },
    MEMBERSHIP
  )
}

export const readMembers = (doc: Y.Doc): Member[] => {
  const result: Member[] = []
  membersMap(doc).forEach((value, id) => {
    const parsed = MemberSchema.safeParse(value)
    if (parsed.success) result.push({ id, ...parsed.data })
  })
  return result.sort((a, b) => a.name.localeCompare(b.name))
}

