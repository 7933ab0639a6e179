import type * as Y from 'yjs'
import { artifactBody, readArtifactSummaries } from '../../../crdt/artifacts'
import { readNoteMeta } from '../../../crdt/note-meta'
import { readWorkspaceMeta } from '../../../crdt/workspace-meta'
import type { ArtifactId } from '../../../domain/ids'
import { NOTE_TYPE_LABELS } from '../../../domain/note'
import { readBodyJson } from '../../../editor/body-json'
import { citationsAsText } from '../../../editor/citations-as-text'
import type { ExportDocument } from '../../../editor/export/export-document'

const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' })
export const formatLongDate = (value: Date | string): string =>
  longDate.format(typeof value === 'string' ? new Date(`${value}T12:00:00`) : value)

/** The councils of the lab, lead first, for a report's title page. */
export const labCouncils = (doc: Y.Doc): string[] => {
  const meta = readWorkspaceMeta(doc)
  return [meta.leadCouncil, ...meta.partnerCouncils].filter((c, i, all) => c && all.indexOf(c) === i)
}

/**
 * Gathers what an export of one note or report shows, from the workspace as it is now:
 * the title, the body, and the note's details or the report's title page.
 */
export const makeExportDocument = (doc: Y.Doc, id: ArtifactId, now: Date = new Date()): ExportDocument | null => {
  const summary = readArtifactSummaries(doc).find((a) => a.id === id)
  const body = artifactBody(doc, id)
  if (!summary || !body || (summary.kind !== 'note' && summary.kind !== 'report')) return null
  const title = summary.title || 'Untitled'
  const text = citationsAsText(readBodyJson(body), doc)
  if (summary.kind === 'report') {
    return {
      kind: 'report',
      title,
      body: text,
      titlePage: { labName: readWorkspaceMeta(doc).name, councils: labCouncils(doc), date: formatLongDate(now) }
    }
  }
  const meta = readNoteMeta(doc, id)
  const details = [
    { label: 'Type', value: meta.type ? NOTE_TYPE_LABELS[meta.type] : '' },
    { label: 'Date', value: meta.date ? formatLongDate(meta.date) : '' },
    { label: 'Council', value: meta.council },
    { label: 'Place', value: meta.place },
    { label: 'Participants', value: meta.participants.join(', ') },
    { label: 'Tags', value: summary.tags.join(', ') }
  ].filter((d) => d.value)
  return { kind: 'note', title, body: text, details }
}
