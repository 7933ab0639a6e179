import { z } from 'zod'

/**
 * The four roles a member can have (docs/trust.md, "What a change may touch"). Ordered: each
 * may do everything the one before it may.
 */
export const ROLES = ['viewer', 'commenter', 'editor', 'owner'] as const
export const RoleSchema = z.enum(ROLES)
export type Role = z.infer<typeof RoleSchema>

const rank = (role: Role): number => ROLES.indexOf(role)

/** Whether `role` includes everything `floor` may do. */
export const atLeast = (role: Role, floor: Role): boolean => rank(role) >= rank(floor)

/** Owners invite any role; editors invite only roles that cannot change the work. */
export const mayInvite = (inviter: Role, invited: Role): boolean =>
  inviter === 'owner' || (inviter === 'editor' && (invited === 'commenter' || invited === 'viewer'))
