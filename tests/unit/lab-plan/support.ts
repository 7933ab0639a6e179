import type * as Y from 'yjs'
import { makeWorkspaceId, type ArtifactId } from '../../../src/domain/ids'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { initialiseWorkspace } from '../../../src/crdt/workspace-meta'
import { createLabPlan } from '../../../src/crdt/lab-plan'
import { readLabPlan } from '../../../src/crdt/lab-plan-read'
import type { LabPlanState } from '../../../src/domain/lab-plan/lab-plan-state'
import { asha } from '../partners/support'

export { asha, ben } from '../partners/support'

/** A workspace with one lab plan, as the app makes them. */
export const newPlan = (): { doc: Y.Doc; planId: ArtifactId } => {
  const doc = makeWorkspaceDoc(makeWorkspaceId())
  initialiseWorkspace(doc, { name: 'Lab', description: '', leadCouncil: 'Oldham Council', partnerCouncils: [], startDate: '' }, asha, 1)
  const planId = createLabPlan(doc, { title: 'Lab plan' }, asha, 2)
  return { doc, planId }
}

export { copyOf, sync } from '../partners/support'

export const readPlan = (doc: Y.Doc, planId: ArtifactId): LabPlanState => {
  const plan = readLabPlan(doc, planId)
  if (!plan) throw new Error('The lab plan is not on this doc')
  return plan
}
