import { headingLevel, inlineRuns, tableRows, type InlineMark, type InlineRun, type JsonNode } from './document-json'
import { attachmentAsText, fitWithin, readExportedAttachment } from './export-attachments'
import type { ExportDocument } from './export-document'

/**
 * A standalone HTML file: the document with its own small stylesheet (screen and print), no
 * scripts and nothing fetched from anywhere. All text is escaped; links were checked.
 */

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

const TAGS: Record<Exclude<InlineMark['type'], 'link' | 'lang'>, string> = {
  bold: 'strong',
  italic: 'em',
  underline: 'u',
  strike: 's'
}

const wrap = (html: string, mark: InlineMark): string =>
  mark.type === 'link'
    ? `<a href="${escapeHtml(mark.href)}">${html}</a>`
    : mark.type === 'lang'
      ? `<span lang="${escapeHtml(mark.lang)}">${html}</span>`
      : `<${TAGS[mark.type]}>${html}</${TAGS[mark.type]}>`

export const inlineHtml = (runs: readonly InlineRun[]): string =>
  runs
    .map((run) => (run.hardBreak ? '<br>' : [...run.marks].reverse().reduce(wrap, escapeHtml(run.text))))
    .join('')

const cellHtml = (tag: 'th' | 'td', blocks: readonly JsonNode[]): string =>
  `<${tag}${tag === 'th' ? ' scope="col"' : ''}>${blocksHtml(blocks)}</${tag}>`

const tableHtml = (table: JsonNode): string => {
  const rows = tableRows(table)
  const [first, ...rest] = rows
  if (!first) return ''
  const head = first.header
    ? `<thead><tr>${first.cells.map((c) => cellHtml('th', c)).join('')}</tr></thead>`
    : ''
  const bodyRows = (first.header ? rest : rows)
    .map((row) => `<tr>${row.cells.map((c) => cellHtml(row.header ? 'th' : 'td', c)).join('')}</tr>`)
    .join('')
  return `<table>${head}<tbody>${bodyRows}</tbody></table>`
}

const attachmentHtml = (node: JsonNode): string => {
  const exported = readExportedAttachment(node)
  if (!exported) return ''
  const { ref, embedded } = exported
  if (!embedded) return `<p>${escapeHtml(attachmentAsText(ref))}</p>`
  const { width, height } = fitWithin(ref, 640)
  const caption = ref.alt ? `<figcaption>${escapeHtml(ref.alt)}</figcaption>` : ''
  return `<figure><img src="data:image/jpeg;base64,${embedded}" alt="${escapeHtml(ref.alt)}" width="${width}" height="${height}">${caption}</figure>`
}

const blockHtml = (node: JsonNode): string => {
  switch (node.type) {
    case 'paragraph':
      return `<p>${inlineHtml(inlineRuns(node))}</p>`
    case 'heading': {
      const tag = `h${headingLevel(node) + 1}`
      return `<${tag}>${inlineHtml(inlineRuns(node))}</${tag}>`
    }
    case 'bulletList':
      return `<ul>${(node.content ?? []).map((item) => `<li>${blocksHtml(item.content ?? [])}</li>`).join('')}</ul>`
    case 'orderedList': {
      const start = Number(node.attrs?.start) || 1
      const items = (node.content ?? []).map((item) => `<li>${blocksHtml(item.content ?? [])}</li>`).join('')
      return `<ol${start !== 1 ? ` start="${start}"` : ''}>${items}</ol>`
    }
    case 'blockquote':
      return `<blockquote>${blocksHtml(node.content ?? [])}</blockquote>`
    case 'horizontalRule':
      return '<hr>'
    case 'table':
      return tableHtml(node)
    case 'attachment':
      return attachmentHtml(node)
    default:
      return node.content ? blocksHtml(node.content) : ''
  }
}

const blocksHtml = (nodes: readonly JsonNode[]): string => nodes.map(blockHtml).join('\n')

/** The body alone, as HTML elements (the app's print view uses the same markup). */
export const bodyHtml = (body: JsonNode): string => blocksHtml(body.content ?? [])

export const EXPORT_STYLES = `
body { font-family: Georgia, 'Times New Roman', serif; color: #1b1f24; line-height: 1.55; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4 { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; line-height: 1.25; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #8a949e; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
th p, td p { margin: 0; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 4px solid #8a949e; color: #374151; }
a { color: #1d4ed8; }
.title-page { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; }
.title-page .lab { font-size: 1.25rem; font-weight: 700; }
.details { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
.details dt { font-weight: 700; }
.details dd { margin: 0; }
@media print {
  body { margin: 0; max-width: none; }
  .title-page { min-height: 90vh; break-after: page; }
  h2, h3, h4 { break-after: avoid; }
  table, blockquote { break-inside: avoid; }
  a { color: inherit; }
}
`

export const titlePageHtml = (document: ExportDocument): string => {
  const page = document.titlePage
  if (!page) return `<h1>${escapeHtml(document.title)}</h1>`
  return [
    '<header class="title-page">',
    `<h1>${escapeHtml(document.title)}</h1>`,
    `<p class="lab">${escapeHtml(page.labName)}</p>`,
    page.councils.length > 0 ? `<p class="councils">${page.councils.map(escapeHtml).join(', ')}</p>` : '',
    `<p class="date">${escapeHtml(page.date)}</p>`,
    '</header>'
  ]
    .filter(Boolean)
    .join('\n')
}

const detailsHtml = (document: ExportDocument): string =>
  document.details && document.details.length > 0
    ? `<dl class="details">${document.details
        .map((d) => `<dt>${escapeHtml(d.label)}</dt><dd>${escapeHtml(d.value)}</dd>`)
        .join('')}</dl>`
    : ''

export const toHtml = (document: ExportDocument): string =>
  [
    '<!doctype html>',
    `<html lang="${escapeHtml(document.lang ?? 'en-GB')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.title)}</title>`,
    `<style>${EXPORT_STYLES}</style>`,
    '</head>',
    '<body>',
    '<article>',
    titlePageHtml(document),
    detailsHtml(document),
    // The text is the person's own, in whatever language they wrote it: not the labels' (see ui/i18n/content-lang.ts).
    `<div lang="">${bodyHtml(document.body)}</div>`,
    '</article>',
    '</body>',
    '</html>',
    ''
  ].join('\n')
