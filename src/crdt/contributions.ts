import * as Y from 'yjs'
import { ARTIFACT_KIND_LABELS } from '../domain/artifact'
import type { ItemContributors } from '../domain/lab-plan/contributions'
import { readArtifactSummaries } from './artifacts'
import { contributorsBetween, readAuthorship } from './authorship'

/**
 * Everyone who inserted or deleted something in each item outside the bin, from the start
 * of the workspace until now. It only reads history. It walks every item's content, so call
 * it when someone asks, not on every change.
 */
export const readItemContributors = (doc: Y.Doc): ItemContributors[] => {
  const authorship = readAuthorship(doc)
  const now = Y.snapshot(doc)
  return readArtifactSummaries(doc)
    .filter((item) => item.deletedAt === null)
    .map((item) => ({
      label: `${ARTIFACT_KIND_LABELS[item.kind].one}: ${item.title || 'Untitled'}`,
      memberIds: contributorsBetween(doc, item.id, null, now, authorship)
    }))
}
