import type * as Y from 'yjs'
import type { ArtifactId } from '../domain/ids'
import { artifactMap } from '../crdt/artifacts'
import { readLabPlan } from '../crdt/lab-plan-read'
import { artifactsMap } from '../crdt/workspace-doc'
import { createYProjection } from './create-y-projection'

/**
 * One lab plan, live: its proposal fields and every row, re-read once per transaction that
 * touches the plan (typing in an EOI answer is skipped: the editor shows that itself). Null
 * while the plan has not reached this device.
 */
export const createLabPlanState = (doc: Y.Doc, planId: ArtifactId) =>
  createYProjection(
    doc,
    `lab-plan:${planId}`,
    () => artifactMap(doc, planId) ?? artifactsMap(doc),
    () => readLabPlan(doc, planId)
  )
