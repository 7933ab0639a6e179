import { atLeast } from './roles'
import type { MembershipState } from './membership-state'

/**
 * The members a facilitator may make co-facilitators of a board: those the membership log
 * holds as editors or owners now. Facilitating changes a board, which a viewer or commenter may
 * not do, and a removed member or someone who only once wrote here (a member record without a
 * place in the log) is no member at all. Someone who joined a minute ago is, as soon as their
 * join is in the log, whether or not their own record has arrived yet.
 */
export const membersWhoMayFacilitate = (state: MembershipState): string[] =>
  [...state.members].filter(([, member]) => atLeast(member.role, 'editor')).map(([memberId]) => memberId)
