import type { WorkspaceDetails } from './workspace-meta'

const SCALAR_FIELDS = ['name', 'description', 'leadCouncil', 'startDate'] as const
const key = (council: string): string => council.toLowerCase()

/**
 * What a person changed in the details form, as a change to make to the details as they are
 * now: a colleague may have saved other changes while the form was open. Fields the person
 * did not touch are left out, so a colleague's newer value stands; partner councils they
 * added or removed are applied to the current list, so councils others added meanwhile stay.
 */
export const detailsEdit = (
  before: WorkspaceDetails,
  after: WorkspaceDetails,
  current: WorkspaceDetails
): Partial<WorkspaceDetails> => {
  const change: Partial<WorkspaceDetails> = {}
  for (const field of SCALAR_FIELDS) if (after[field] !== before[field]) change[field] = after[field]
  const had = new Set(before.partnerCouncils.map(key))
  const has = new Set(after.partnerCouncils.map(key))
  const removed = new Set(before.partnerCouncils.filter((c) => !has.has(key(c))).map(key))
  const added = after.partnerCouncils.filter((c) => !had.has(key(c)))
  if (removed.size > 0 || added.length > 0) {
    const kept = current.partnerCouncils.filter((c) => !removed.has(key(c)))
    const keptKeys = new Set(kept.map(key))
    change.partnerCouncils = [...kept, ...added.filter((c) => !keptKeys.has(key(c)))]
  }
  return change
}

/** Just the details of a workspace's meta, as the form edits them. */
export const pickDetails = (meta: WorkspaceDetails): WorkspaceDetails => ({
  name: meta.name,
  description: meta.description,
  leadCouncil: meta.leadCouncil,
  partnerCouncils: [...meta.partnerCouncils],
  startDate: meta.startDate
})
