import type { Role } from './roles'

/**
 * What this device's interface offers for a role (docs/trust.md, "What a change may touch").
 * The trust gate already drops a change the role does not allow on every other device; this
 * keeps the interface honest on the person's own device, so it never offers what others refuse.
 */
export interface Capabilities {
  /** Change the work: artifacts, details, boards, lab plans, versions. */
  readonly edit: boolean
  readonly comment: boolean
  /** Exports and backups are reading, so every role has them. */
  readonly export: boolean
  /** Invite anyone: owners only (editors invite commenters and viewers, see `mayInvite`). */
  readonly inviteAnyRole: boolean
  /** Change another member's role in the membership log. */
  readonly changeRoles: boolean
}

const BY_ROLE: Readonly<Record<Role, Capabilities>> = {
  viewer: { edit: false, comment: false, export: true, inviteAnyRole: false, changeRoles: false },
  commenter: { edit: false, comment: true, export: true, inviteAnyRole: false, changeRoles: false },
  editor: { edit: true, comment: true, export: true, inviteAnyRole: false, changeRoles: false },
  owner: { edit: true, comment: true, export: true, inviteAnyRole: true, changeRoles: true }
}

/**
 * A device with no role (a workspace from before roles, or no profile to open trust with) keeps
 * the interface as it was before roles: other devices still judge what it sends. A device whose
 * join through an invitation is still waiting is read-only instead, and says why
 * (WorkspaceTrust.joining, ui/features/members/AccessNotice.tsx).
 */
const BEFORE_ROLES: Capabilities = { edit: true, comment: true, export: true, inviteAnyRole: false, changeRoles: false }

export const capabilitiesOf = (role: Role | null): Capabilities => (role ? BY_ROLE[role] : BEFORE_ROLES)

/** The calm line a read-only member sees at the top of the workspace; null when they can edit. */
export type AccessNotice = 'view' | 'view-and-comment' | null

export const accessNoticeOf = (role: Role | null): AccessNotice => {
  const can = capabilitiesOf(role)
  if (can.edit) return null
  return can.comment ? 'view-and-comment' : 'view'
}
