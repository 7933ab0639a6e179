import type * as Y from 'yjs'
import type { ArtifactSummary } from '../domain/artifact'
import { isNoteVisibleTo } from '../domain/board'
import { ArtifactIdSchema, type ArtifactId } from '../domain/ids'
import {
  MAX_ITEM_TEXT,
  MAX_TITLE_TEXT,
  capText,
  searchItemId,
  type SearchItem
} from '../domain/search/search-item'
import { artifactBody } from './artifacts'
import { readArtifactSummaries } from './artifacts'
import { readBoard } from './board'
import { readCommentThreads } from './comments'
import { labPlanParts } from './lab-plan'
import { readLabPlan } from './lab-plan-read'
import { readNoteMeta } from './note-meta'
import { readPartnerMap } from './partner-read'
import { richTextPlain } from './rich-text-plain'
import { appTitleKeys } from '../domain/app-written-titles'
import { appWordsEverywhere } from '../domain/i18n/app-words'

/**
 * Reading the workspace into search items (domain/search/search-item). Everything is read
 * through the validating readers, so a malformed record from a peer is left out rather than
 * indexed. Artifacts in the bin are not searched. Silent-brainstorm notes someone else is
 * still writing are not indexed on this device: search must not show what the board hides.
 */

export interface SearchReader {
  /** This device's member id, which decides which private board notes it may see. */
  viewerId: string
}

const cap = (text: string): string => capText(text, MAX_ITEM_TEXT)
const title = (text: string): string => capText(text, MAX_TITLE_TEXT)
const lines = (values: readonly (string | undefined)[]): string => values.filter((v) => v && v.trim()).join('\n')

const bodyItems = (doc: Y.Doc, summary: ArtifactSummary, id: ArtifactId): SearchItem[] => {
  const body = artifactBody(doc, id)
  const council = summary.kind === 'note' ? readNoteMeta(doc, id).council : ''
  const own: SearchItem = {
    id: searchItemId(id),
    artifactId: id,
    kind: summary.kind === 'note' ? 'note' : 'report',
    title: title(summary.title),
    text: cap(body ? richTextPlain(body, MAX_ITEM_TEXT) : ''),
    author: summary.createdBy.name,
    council: council || summary.createdBy.organisation,
    date: summary.updatedAt,
    target: { kind: 'text' }
  }
  const comments = readCommentThreads(doc, id).map(
    (thread): SearchItem => ({
      id: searchItemId(id, `comment:${thread.id}`),
      artifactId: id,
      kind: 'comment',
      title: title(summary.title),
      text: cap(lines([thread.body, ...thread.replies.map((r) => r.body), thread.quote])),
      author: thread.createdBy.name,
      council: thread.createdBy.organisation,
      date: thread.replies.reduce((latest, r) => Math.max(latest, r.createdAt), thread.createdAt),
      target: { kind: 'comment', threadId: thread.id }
    })
  )
  return [own, ...comments]
}

const partnerItems = (doc: Y.Doc, summary: ArtifactSummary, id: ArtifactId): SearchItem[] =>
  (readPartnerMap(doc, id)?.partners ?? []).map((partner) => ({
    id: searchItemId(id, `partner:${partner.id}`),
    artifactId: id,
    kind: 'partner',
    title: title(partner.name),
    text: cap(
      lines([
        partner.region,
        partner.notes,
        partner.website,
        ...partner.contacts.map((c) => lines([c.name, c.jobTitle, c.email])),
        ...partner.offers.map((o) => o.detail),
        ...partner.needs.map((n) => n.detail)
      ])
    ),
    author: partner.updatedBy,
    council: '',
    date: partner.updatedAt,
    target: { kind: 'partner', partnerId: partner.id }
  }))

const boardItems = (doc: Y.Doc, summary: ArtifactSummary, id: ArtifactId, reader: SearchReader): SearchItem[] => {
  const board = readBoard(doc, id)
  if (!board) return []
  const clusters = new Map(board.clusters.map((c) => [c.id, c.label]))
  return board.notes
    .filter((note) => isNoteVisibleTo(note, board.settings, reader.viewerId))
    .map((note) => ({
      id: searchItemId(id, `board-note:${note.id}`),
      artifactId: id,
      kind: 'board-note',
      title: title(summary.title),
      text: cap(lines([note.text, note.clusterId ? clusters.get(note.clusterId) : undefined])),
      // An anonymous board does not say who wrote what, and neither does search.
      author: board.settings.anonymous ? '' : note.authorName,
      council: '',
      date: note.createdAt,
      target: { kind: 'board-note', noteId: note.id }
    }))
}

/** Every string in a plain record, depth-first, ids and numbers left out. */
const stringsOf = (value: unknown, out: string[], depth = 0): void => {
  if (depth > 6) return
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const entry of value) stringsOf(entry, out, depth + 1)
  else if (value && typeof value === 'object')
    for (const [key, entry] of Object.entries(value)) if (key !== 'id' && !key.endsWith('Id')) stringsOf(entry, out, depth + 1)
}

const labPlanItems = (doc: Y.Doc, summary: ArtifactSummary, id: ArtifactId): SearchItem[] => {
  const plan = readLabPlan(doc, id)
  if (!plan) return []
  // A title Mutual gave the plan is found in every language it is shown in ("cynllun", "plan").
  const strings: string[] = appWordsEverywhere(summary.title, appTitleKeys('lab-plan'))
  stringsOf({ ...plan, unreadableRows: undefined }, strings)
  labPlanParts(doc, id)?.questions.forEach((answer) => {
    if (answer && typeof answer === 'object' && 'toArray' in answer) strings.push(richTextPlain(answer as Y.XmlFragment, MAX_ITEM_TEXT))
  })
  return [
    {
      id: searchItemId(id),
      artifactId: id,
      kind: 'lab-plan',
      title: title(summary.title),
      text: cap(lines(strings)),
      author: summary.createdBy.name,
      council: summary.createdBy.organisation,
      date: summary.updatedAt,
      target: { kind: 'lab-plan' }
    }
  ]
}

/** The search items of one artifact as it is now; none for one in the bin or unknown. */
export const readArtifactSearchItems = (
  doc: Y.Doc,
  summary: ArtifactSummary | undefined,
  reader: SearchReader
): SearchItem[] => {
  if (!summary || summary.deletedAt !== null) return []
  const id = ArtifactIdSchema.safeParse(summary.id)
  if (!id.success) return []
  switch (summary.kind) {
    case 'note':
    case 'report':
      return bodyItems(doc, summary, id.data)
    case 'partner-map':
      return partnerItems(doc, summary, id.data)
    case 'board':
      return boardItems(doc, summary, id.data, reader)
    case 'lab-plan':
      return labPlanItems(doc, summary, id.data)
  }
}

/** The search items of the given artifacts (or all of them), grouped by artifact id. */
export const readSearchItems = (
  doc: Y.Doc,
  reader: SearchReader,
  only?: ReadonlySet<string>
): Map<string, SearchItem[]> => {
  const summaries = new Map(readArtifactSummaries(doc).map((s) => [s.id as string, s]))
  const result = new Map<string, SearchItem[]>()
  for (const artifactId of only ?? summaries.keys()) {
    result.set(artifactId, readArtifactSearchItems(doc, summaries.get(artifactId), reader))
  }
  return result
}
