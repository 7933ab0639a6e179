import type * as Y from 'yjs'
import { listedFacilitators, watchBoardFacilitators } from '../crdt/board-facilitators'
import { facilitationToGrant, type FacilitationGrant } from '../domain/trust/facilitation-to-grant'
import type { LiveMembership } from '../sync/trust/membership-from-doc'

export interface FacilitationSyncOptions {
  doc: Y.Doc
  membership: LiveMembership
  /** This device's member id. */
  memberId: string
  /** Signs a `facilitate` entry and adds it to the membership log. */
  write: (grant: FacilitationGrant) => Promise<void>
}

/**
 * Facilitator rights on a board are a role (docs/trust.md): other devices judge a board's lock,
 * rounds and timer by the membership log, not by the list the board keeps. So whenever a board
 * lists a facilitator the log lacks (its maker, or someone a facilitator added) and this member
 * may grant it, this writes the `facilitate` entry. Each grant is asked for once per session.
 */
export const keepFacilitationInLog = (options: FacilitationSyncOptions): (() => void) => {
  const asked = new Set<string>()
  let scheduled = false
  let stopped = false

  const look = (): void => {
    scheduled = false
    if (stopped) return
    const state = options.membership.view().current().state
    for (const grant of facilitationToGrant(state, options.memberId, listedFacilitators(options.doc))) {
      const key = `${grant.boardId}/${grant.memberId}`
      if (asked.has(key)) continue
      asked.add(key)
      options.write(grant).catch(() => asked.delete(key))
    }
  }
  // Many changes can arrive in one task: look once after them.
  const schedule = (): void => {
    if (scheduled || stopped) return
    scheduled = true
    queueMicrotask(look)
  }

  const stops = [watchBoardFacilitators(options.doc, schedule), options.membership.subscribe(schedule)]
  schedule()
  return () => {
    if (stopped) return
    stopped = true
    for (const stop of stops.splice(0)) stop()
  }
}
