import {
  headingLevel,
  inlineRuns,
  sameMark,
  tableRows,
  type InlineMark,
  type InlineRun,
  type JsonNode
} from './document-json'
import { attachmentAsText, readExportedAttachment } from './export-attachments'
import type { ExportDocument } from './export-document'

/**
 * Markdown (CommonMark with GitHub tables). The document title is the only "#" heading;
 * the document's own headings start at "##", as in the app and the HTML export.
 */

const escapeText = (text: string): string => text.replace(/([\\`*_[\]<>|~])/g, '\\$1')

/** Characters that would start a block if they began a line. */
const escapeLineStart = (line: string): string =>
  line.replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/, (_m, space: string, marker: string) =>
    `${space}${marker.replace(/([#>+\-.)])$/, '\\$1')}`
  )

const open = (mark: InlineMark): string => {
  switch (mark.type) {
    case 'link':
      return '['
    case 'bold':
      return '**'
    case 'italic':
      return '_'
    case 'underline':
      return '<u>'
    case 'strike':
      return '~~'
    case 'lang':
      // Markdown has no mark for a language.
      return ''
  }
}

const close = (mark: InlineMark): string => {
  switch (mark.type) {
    case 'link':
      return `](${mark.href.replace(/[()\s]/g, (c) => encodeURIComponent(c))})`
    case 'bold':
      return '**'
    case 'italic':
      return '_'
    case 'underline':
      return '</u>'
    case 'strike':
      return '~~'
    case 'lang':
      return ''
  }
}

/**
 * Inline text with marks. Marks stay open across runs that share them, and spaces are kept
 * outside emphasis delimiters, which Markdown requires ("** bold**" is not bold).
 */
export const inlineMarkdown = (runs: readonly InlineRun[]): string => {
  let out = ''
  let active: InlineMark[] = []
  // Whitespace at the end of a run is held back until we know whether the marks go on.
  let pending = ''
  const closeTo = (keep: number): void => {
    while (active.length > keep) out += close(active.pop() as InlineMark)
  }
  for (const run of runs) {
    if (run.hardBreak) {
      closeTo(0)
      out += `${escapeText(pending)}\\\n`
      pending = ''
      continue
    }
    const core = run.text.trim()
    if (!core) {
      pending += run.text
      continue
    }
    const leading = run.text.slice(0, run.text.indexOf(core))
    const trailing = run.text.slice(leading.length + core.length)
    let keep = 0
    while (keep < active.length && keep < run.marks.length && sameMark(active[keep]!, run.marks[keep]!)) keep++
    closeTo(keep)
    out += escapeText(pending + leading)
    for (const mark of run.marks.slice(keep)) {
      out += open(mark)
      active.push(mark)
    }
    out += escapeText(core)
    pending = trailing
  }
  closeTo(0)
  return out + escapeText(pending)
}

const indentLines = (text: string, prefix: string, first: string): string =>
  text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line ? prefix + line : line))
    .join('\n')

const cellText = (blocks: readonly JsonNode[]): string =>
  blocks
    .map((block) => inlineMarkdown(inlineRuns(block)) || blocksMarkdown(block.content ?? []).replace(/\n+/g, ' '))
    .filter(Boolean)
    .join('<br>')
    .replace(/\\\n/g, '<br>')

const tableMarkdown = (table: JsonNode): string => {
  const rows = tableRows(table)
  if (rows.length === 0) return ''
  const width = Math.max(...rows.map((r) => r.cells.length))
  const line = (cells: string[]): string =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`
  const [head, ...rest] = rows
  return [
    line(head!.cells.map(cellText)),
    line(Array.from({ length: width }, () => '---')),
    ...rest.map((r) => line(r.cells.map(cellText)))
  ].join('\n')
}

const listMarkdown = (list: JsonNode): string => {
  const ordered = list.type === 'orderedList'
  const start = Number(list.attrs?.start) || 1
  return (list.content ?? [])
    .map((item, index) => {
      const marker = ordered ? `${start + index}. ` : '- '
      const body = blocksMarkdown(item.content ?? [], true) || ''
      return indentLines(body, ' '.repeat(marker.length), marker)
    })
    .join('\n')
}

const blockMarkdown = (node: JsonNode): string => {
  switch (node.type) {
    case 'paragraph':
      return escapeLineStart(inlineMarkdown(inlineRuns(node)))
    case 'heading':
      return `${'#'.repeat(headingLevel(node) + 1)} ${inlineMarkdown(inlineRuns(node))}`
    case 'bulletList':
    case 'orderedList':
      return listMarkdown(node)
    case 'blockquote':
      return blocksMarkdown(node.content ?? [])
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n')
    case 'horizontalRule':
      return '---'
    case 'table':
      return tableMarkdown(node)
    case 'attachment': {
      // Markdown is text: a photo or file is named, not embedded.
      const exported = readExportedAttachment(node)
      return exported ? escapeText(attachmentAsText(exported.ref)) : ''
    }
    default:
      return node.content ? blocksMarkdown(node.content) : ''
  }
}

/** Blocks separated by blank lines; inside a list item, tight. */
const blocksMarkdown = (nodes: readonly JsonNode[], tight = false): string =>
  nodes
    .map(blockMarkdown)
    .filter((text) => text.length > 0)
    .join(tight ? '\n' : '\n\n')

export const toMarkdown = (document: ExportDocument): string => {
  const parts = [`# ${escapeText(document.title)}`]
  if (document.titlePage) {
    const { labName, councils, councilsLabel = 'Councils:', date } = document.titlePage
    parts.push(
      [
        `**${escapeText(labName)}**`,
        councils.length > 0 ? `${escapeText(councilsLabel)} ${escapeText(councils.join(', '))}` : '',
        escapeText(date)
      ]
        .filter(Boolean)
        .join('  \n')
    )
  }
  if (document.details && document.details.length > 0) {
    parts.push(document.details.map((d) => `- **${escapeText(d.label)}:** ${escapeText(d.value)}`).join('\n'))
  }
  const body = blocksMarkdown(document.body.content ?? [])
  if (body) parts.push(body)
  return `${parts.join('\n\n')}\n`
}
