import type * as Y from 'yjs'
import { readAuthorship } from './authorship'
import { readMembers } from './members'

/**
 * Who made a run of deletions, as the members' devices recorded it in the workspace (Yjs's
 * permanent user data: which client ids and deletions are whose). Null when no member's record
 * claims them: a device that does not record its deletions cannot be named here. Reading the
 * records costs tens of ms in a long-lived lab, so call it when idle, not per change.
 */
export const whoDeleted = (doc: Y.Doc, run: { deletedItems: readonly Y.ID[]; writtenItems: readonly Y.ID[] }): string | null => {
  const authorship = readAuthorship(doc)
  const ids = [
    ...run.deletedItems.map((id) => authorship.getUserByDeletedId(id)),
    ...run.writtenItems.map((id) => authorship.getUserByClientId(id.client))
  ]
  const memberId = ids.find((id): id is string => typeof id === 'string' && id.length > 0)
  if (!memberId) return null
  const member = readMembers(doc).find((m) => m.id === memberId)
  return member ? `${member.name} (${member.organisation})` : 'a member not in the list of people'
}
