/**
 * Where a change lands in the workspace, sorted by what a role needs to be allowed to make it
 * (docs/trust.md). crdt/trust/update-areas.ts works these out from a Yjs update; the rules
 * about them (change-permission.ts) know nothing of Yjs.
 */
export type ChangeArea =
  /** Artifacts, workspace details, versions: the work itself. */
  | { kind: 'content' }
  /** An artifact's comment threads. */
  | { kind: 'comments' }
  /** One person's member record (name, organisation, colour, last seen). */
  | { kind: 'member'; memberId: string }
  /** One person's entry in the authorship map: which Yjs clients and deletions are theirs. */
  | { kind: 'authorship'; memberId: string }
  /** A board's facilitator-only parts (settings such as the lock, rounds, timer, facilitators). */
  | { kind: 'board'; boardId: string }
  /** A new membership entry (self-checking: its own signatures and authority). */
  | { kind: 'trust' }
  /** Overwriting or deleting a membership entry: the log is append-only, so nobody may. */
  | { kind: 'trust-rewrite' }

export const areaKey = (area: ChangeArea): string => {
  switch (area.kind) {
    case 'member':
    case 'authorship':
      return `${area.kind}:${area.memberId}`
    case 'board':
      return `board:${area.boardId}`
    default:
      return area.kind
  }
}
