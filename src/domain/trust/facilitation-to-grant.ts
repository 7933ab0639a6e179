import { isFacilitator, mayFacilitate, type MembershipState } from './membership-state'

/** The facilitators a board lists in the workspace (crdt/board.ts keeps them with the board). */
export interface ListedFacilitators {
  boardId: string
  memberIds: readonly string[]
}

export interface FacilitationGrant {
  boardId: string
  memberId: string
}

/**
 * The `facilitate` entries this member should write now so that the membership log, which is
 * what other devices judge board changes by (docs/trust.md), gives facilitator rights to whom
 * the boards list: the maker of a new board, and anyone a facilitator added. Only grants the
 * member may make count; on a board nobody facilitates yet, that is only the member's own
 * (others follow once it is in the log, on the next look).
 */
export const facilitationToGrant = (state: MembershipState, me: string, boards: readonly ListedFacilitators[]): FacilitationGrant[] => {
  const grants: FacilitationGrant[] = []
  for (const { boardId, memberIds } of boards) {
    for (const memberId of memberIds) {
      if (isFacilitator(state, boardId, memberId)) continue
      if (mayFacilitate(state, me, boardId, memberId, true)) grants.push({ boardId, memberId })
    }
  }
  return grants
}
