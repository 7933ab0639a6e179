import type * as Y from 'yjs'
import { z } from 'zod'
import type { Profile } from '../domain/profile'
import { mutate } from './mutate'
import { membersMap } from './workspace-doc'

/** A person who has worked in this workspace, as they described themselves. */
export const MemberSchema = z.object({
  name: z.string(),
  organisation: z.string(),
  colour: z.string(),
  firstSeenAt: z.number(),
  lastSeenAt: z.number()
})
export type Member = z.infer<typeof MemberSchema> & { id: string }

/**
 * Records (or refreshes) this device's person in the workspace's member list. The member id
 * is the profile's local id, so the same person keeps one entry across sessions.
 */
export const recordMember = (doc: Y.Doc, memberId: string, profile: Profile, now: number): void =>
  mutate(doc, () => {
    const members = membersMap(doc)
    const existing = MemberSchema.safeParse(members.get(memberId))
    members.set(memberId, {
      name: profile.name,
      organisation: profile.organisation,
      colour: profile.colour,
      firstSeenAt: existing.success ? existing.data.firstSeenAt : now,
      lastSeenAt: now
    })
  })

export const readMembers = (doc: Y.Doc): Member[] => {
  const result: Member[] = []
  membersMap(doc).forEach((value, id) => {
    const parsed = MemberSchema.safeParse(value)
    if (parsed.success) result.push({ id, ...parsed.data })
  })
  return result.sort((a, b) => a.name.localeCompare(b.name))
}

