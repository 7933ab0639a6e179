import type * as Y from 'yjs'
import { artifactBody, readArtifactSummaries } from '../../../crdt/artifacts'
import { readNoteMeta } from '../../../crdt/note-meta'
import { readWorkspaceMeta } from '../../../crdt/workspace-meta'
import type { ArtifactId } from '../../../domain/ids'
import { readBodyJson } from '../../../editor/body-json'
import { citationsAsText } from '../../../editor/citations-as-text'
import type { ExportDocument } from '../../../editor/export/export-document'
import type { AttachmentRef } from '../../../domain/attachments/attachment'
import { INTL_TAGS } from '../../../domain/i18n/locale'
import { formatDate, formatSize } from '../../i18n/intl-format'
import { locale } from '../../i18n/current-locale'
import { t } from '../../i18n/t'

/** A day in the interface language ("14 March 2026", "14 Mawrth 2026"); a bare date is read at noon so no time zone moves it. */
export const formatLongDate = (value: Date | string): string =>
  formatDate(typeof value === 'string' ? new Date(`${value}T12:00:00`) : value, 'long')

/** The line an export writes for a photo it cannot show, or a file, in the interface language. */
export const describeAttachment = (ref: AttachmentRef): string => {
  if (ref.kind === 'file') return t('export.attachment.file', { name: ref.name, size: formatSize(ref.size) })
  return ref.alt ? t('export.attachment.photoMissingAlt', { alt: ref.alt }) : t('export.attachment.photoMissing')
}

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
  const title = summary.title || t('export.untitled')
  const text = citationsAsText(readBodyJson(body), doc, t, locale())
  if (summary.kind === 'report') {
    return {
      kind: 'report',
      lang: INTL_TAGS[locale()],
      title,
      body: text,
      titlePage: { labName: readWorkspaceMeta(doc).name, councils: labCouncils(doc), councilsLabel: t('export.councils'), date: formatLongDate(now) }
    }
  }
  const meta = readNoteMeta(doc, id)
  const details = [
    { label: t('export.detail.type'), value: meta.type ? t(`noteType.${meta.type}`) : '' },
    { label: t('export.detail.date'), value: meta.date ? formatLongDate(meta.date) : '' },
    { label: t('export.detail.council'), value: meta.council },
    { label: t('export.detail.place'), value: meta.place },
    { label: t('export.detail.participants'), value: meta.participants.join(', ') },
    { label: t('export.detail.tags'), value: summary.tags.join(', ') }
  ].filter((d) => d.value)
  return { kind: 'note', lang: INTL_TAGS[locale()], title, body: text, details }
}
