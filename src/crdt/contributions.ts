import * as Y from 'yjs'
import type { ItemContributors } from '../domain/lab-plan/contributions'
import type { Actor } from '../domain/artifact'
import type { ArtifactId } from '../domain/ids'
import type { TemplateBlock } from '../domain/templates/template'
import { artifactBody, markArtifactEdited, readArtifactSummaries } from './artifacts'
import { mutate } from './mutate'
import { appendTemplateBlocks } from './rich-text-blocks'
import { contributorsBetween, readAuthorship } from './authorship'

/**
 * Everyone who inserted or deleted something in each item outside the bin, from the start
 * of the workspace until now, with its kind and title as stored (the list words them in the
 * reader's language: domain/lab-plan/contributions.ts). It only reads history. It walks every item's content, so call
 * it when someone asks, not on every change.
 */
export const readItemContributors = (doc: Y.Doc): ItemContributors[] => {
  const authorship = readAuthorship(doc)
  const now = Y.snapshot(doc)
  return readArtifactSummaries(doc)
    .filter((item) => item.deletedAt === null)
    .map((item) => ({
      kind: item.kind,
      title: item.title,
      memberIds: contributorsBetween(doc, item.id, null, now, authorship)
    }))
}

/**
 * Appends blocks (the contributions appendix) to the end of a report's text, as this person,
 * now. False when the report is not on this device.
 */
export const appendToReport = (doc: Y.Doc, reportId: ArtifactId, blocks: readonly TemplateBlock[], actor: Actor, now: number): boolean =>
  mutate(doc, () => {
    const body = artifactBody(doc, reportId)
    if (!body) return false
    appendTemplateBlocks(body, blocks)
    return markArtifactEdited(doc, reportId, actor, now)
  })
