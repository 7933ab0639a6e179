import { z } from 'zod'
import { planText, type PlanRowId } from './plan-ids'

/** How a working-group organisation belongs to the CCIN. */
export const MEMBERSHIP_TYPES = ['lead', 'council', 'associate', 'affiliate', 'not-a-member'] as const
export const MembershipTypeSchema = z.enum(MEMBERSHIP_TYPES)
export type MembershipType = z.infer<typeof MembershipTypeSchema>
export const MEMBERSHIP_TYPE_LABELS: Record<MembershipType, string> = {
  lead: 'Lead council',
  council: 'CCIN council member',
  associate: 'CCIN associate member',
  affiliate: 'CCIN affiliate member',
  'not-a-member': 'Not a CCIN member'
}

export const GroupMemberFieldsSchema = z.object({
  council: planText(160).min(1, 'Enter the council or organisation'),
  person: planText(120),
  role: planText(120),
  membershipType: MembershipTypeSchema
})
export type GroupMemberFields = z.infer<typeof GroupMemberFieldsSchema>
export const GROUP_MEMBER_DEFAULTS: GroupMemberFields = { council: '', person: '', role: '', membershipType: 'council' }

export interface GroupMember extends GroupMemberFields {
  id: PlanRowId
}

/** A CCIN lab needs its lead council and at least three other CCIN members. */
export const MIN_OTHER_MEMBERS = 3

const sameOrganisation = (name: string): string => name.trim().toLocaleLowerCase('en-GB').replace(/\s+/g, ' ')

/**
 * The other CCIN members in the working group: organisations (counted once however many of
 * their people take part) with a CCIN membership, other than the lead council.
 */
export const otherCcinMembers = (members: readonly GroupMemberFields[]): string[] => {
  const leads = new Set(members.filter((m) => m.membershipType === 'lead').map((m) => sameOrganisation(m.council)))
  const others = new Map<string, string>()
  for (const member of members) {
    const key = sameOrganisation(member.council)
    if (member.membershipType === 'lead' || member.membershipType === 'not-a-member' || leads.has(key) || key === '') continue
    if (!others.has(key)) others.set(key, member.council.trim())
  }
  return [...others.values()]
}

export type WorkingGroupCheck =
  | { kind: 'ok'; others: number }
  | { kind: 'too-few'; others: number; message: string }

/** Says when the group has fewer than three other CCIN members, and how many more it needs. */
export const checkWorkingGroup = (members: readonly GroupMemberFields[]): WorkingGroupCheck => {
  const others = otherCcinMembers(members).length
  if (others >= MIN_OTHER_MEMBERS) return { kind: 'ok', others }
  const needed = MIN_OTHER_MEMBERS - others
  return {
    kind: 'too-few',
    others,
    message: `A CCIN lab needs at least ${MIN_OTHER_MEMBERS} other CCIN members besides the lead council. This group has ${others}: add ${needed} more.`
  }
}
