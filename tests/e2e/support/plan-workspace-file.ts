import type * as Y from 'yjs'
import { createLabPlan } from '../../../src/crdt/lab-plan'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { initialiseWorkspace } from '../../../src/crdt/workspace-meta'
import { makeWorkspaceId, makeWorkspaceSecret, type ArtifactId } from '../../../src/domain/ids'
import { WORKSPACE_FILE_FORMAT, encodeWorkspaceFile } from '../../../src/storage/workspace-file'

const ACTOR = { name: 'Asha Patel', organisation: 'Oldham Council' }

/**
 * A lab (led by Oldham Council) with a plan, built through src/crdt as people would, as a
 * workspace file to import. `fill` adds the plan's rows; `next()` is each write's time.
 */
export const planWorkspaceFile = (name: string, fill: (doc: Y.Doc, planId: ArtifactId, actor: typeof ACTOR, next: () => number) => void) => {
  const id = makeWorkspaceId()
  const doc = makeWorkspaceDoc(id)
  let now = Date.UTC(2026, 0, 5, 9)
  const next = (): number => (now += 1000)
  initialiseWorkspace(doc, { name, description: '', leadCouncil: 'Oldham Council', partnerCouncils: [], startDate: '2026-01-05' }, ACTOR, now)
  const planId = createLabPlan(doc, { title: 'Lab plan' }, ACTOR, next())
  fill(doc, planId, ACTOR, next)
  const file = encodeWorkspaceFile({ format: WORKSPACE_FILE_FORMAT, workspaceId: id, secret: makeWorkspaceSecret(), name, exportedAt: now }, doc)
  return { id, planId, file }
}
