import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild
} from 'docx'
import { headingLevel, inlineRuns, tableRows, type InlineRun, type JsonNode } from './document-json'
import type { ExportDocument } from './export-document'
import { attachmentAsText, base64ToBytes, fitWithin, readExportedAttachment } from './export-attachments'

/**
 * A Word document (.docx) built with the `docx` package: Word's own Title and Heading styles
 * (so Word's navigation pane and table of contents work), real numbered and bulleted lists,
 * tables with a repeated header row, links, and emphasis. A report opens with a title page.
 */

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const
const BULLETS = 'mutual-bullets'
const NUMBERS = 'mutual-numbers'
const BULLET_GLYPHS = ['•', '◦', '▪']
const NUMBER_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN]

interface Context {
  /** Each numbered list restarts at 1: it gets its own instance of the numbering. */
  nextListInstance: number
  listLevel: number
  quote: boolean
}

const textRun = (run: InlineRun, quote: boolean): TextRun => {
  const has = (type: string): boolean => run.marks.some((m) => m.type === type)
  const link = run.marks.some((m) => m.type === 'link')
  return new TextRun({
    text: run.text,
    break: run.hardBreak ? 1 : undefined,
    bold: has('bold') || undefined,
    italics: has('italic') || quote || undefined,
    underline: has('underline') ? {} : undefined,
    strike: has('strike') || undefined,
    style: link ? 'Hyperlink' : undefined
  })
}

/** Runs grouped so that consecutive runs with the same link become one hyperlink. */
const paragraphChildren = (node: JsonNode, context: Context): ParagraphChild[] => {
  const children: ParagraphChild[] = []
  let link: { href: string; runs: TextRun[] } | null = null
  const flush = (): void => {
    if (link) children.push(new ExternalHyperlink({ link: link.href, children: link.runs }))
    link = null
  }
  for (const run of inlineRuns(node)) {
    const mark = run.marks.find((m) => m.type === 'link')
    const href = mark?.type === 'link' ? mark.href : null
    if (href) {
      if (!link || link.href !== href) {
        flush()
        link = { href, runs: [] }
      }
      link.runs.push(textRun(run, context.quote))
    } else {
      flush()
      children.push(textRun(run, context.quote))
    }
  }
  flush()
  return children
}

const paragraph = (node: JsonNode, context: Context, options: IParagraphOptions = {}): Paragraph =>
  new Paragraph({
    ...options,
    ...(context.quote ? { style: 'Quote' } : {}),
    children: paragraphChildren(node, context)
  })

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '8A949E' }

const table = (node: JsonNode, context: Context): Table => {
  const rows = tableRows(node)
  const width = Math.max(1, ...rows.map((r) => r.cells.length))
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, index) =>
        new TableRow({
          ...(index === 0 && row.header ? { tableHeader: true } : {}),
          children: Array.from({ length: width }, (_, i) => {
            const content = blocksDocx(row.cells[i] ?? [], context)
            return new TableCell({
              borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
              shading: row.header ? { fill: 'EEF1F4' } : undefined,
              // A cell must hold at least one paragraph to be valid in Word.
              children: content.length > 0 ? content : [new Paragraph({})]
            })
          })
        })
    )
  })
}

const list = (node: JsonNode, context: Context): (Paragraph | Table)[] => {
  const ordered = node.type === 'orderedList'
  const instance = context.nextListInstance++
  const level = Math.min(context.listLevel, 8)
  const result: (Paragraph | Table)[] = []
  for (const item of node.content ?? []) {
    let first = true
    for (const child of item.content ?? []) {
      if (child.type === 'bulletList' || child.type === 'orderedList') {
        result.push(...list(child, { ...context, listLevel: context.listLevel + 1 }))
      } else if (child.type === 'paragraph' && first) {
        result.push(
          paragraph(child, context, {
            numbering: { reference: ordered ? NUMBERS : BULLETS, level, instance: ordered ? instance : 0 }
          })
        )
      } else {
        // Later paragraphs of an item sit under it, indented, without a bullet.
        result.push(...blocksDocx([child], context))
      }
      first = false
    }
  }
  return result
}

/** A photo as a picture with its alt text (Word reads it aloud), captioned; any other file as a line. */
const attachmentDocx = (node: JsonNode): Paragraph[] => {
  const exported = readExportedAttachment(node)
  if (!exported) return []
  const { ref, embedded } = exported
  if (!embedded) return [new Paragraph({ children: [new TextRun(attachmentAsText(ref))] })]
  const picture = new Paragraph({
    children: [
      new ImageRun({
        type: 'jpg',
        data: base64ToBytes(embedded),
        transformation: fitWithin(ref, 600),
        altText: { name: ref.name, title: ref.name, description: ref.alt }
      })
    ]
  })
  return ref.alt ? [picture, new Paragraph({ children: [new TextRun({ text: ref.alt, italics: true })] })] : [picture]
}

const blocksDocx = (nodes: readonly JsonNode[], context: Context): (Paragraph | Table)[] =>
  nodes.flatMap((node): (Paragraph | Table)[] => {
    switch (node.type) {
      case 'paragraph':
        return [paragraph(node, context)]
      case 'heading':
        return [paragraph(node, { ...context, quote: false }, { heading: HEADINGS[headingLevel(node) - 1] })]
      case 'bulletList':
      case 'orderedList':
        return list(node, context)
      case 'blockquote':
        return blocksDocx(node.content ?? [], { ...context, quote: true })
      case 'horizontalRule':
        return [new Paragraph({ thematicBreak: true })]
      case 'table':
        return [table(node, context), new Paragraph({})]
      case 'attachment':
        return attachmentDocx(node)
      default:
        return node.content ? blocksDocx(node.content, context) : []
    }
  })

const titlePage = (document: ExportDocument): Paragraph[] => {
  const page = document.titlePage
  if (!page) return [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(document.title)] })]
  return [
    new Paragraph({ spacing: { before: 3600 }, heading: HeadingLevel.TITLE, children: [new TextRun(document.title)] }),
    new Paragraph({ spacing: { before: 480 }, children: [new TextRun({ text: page.labName, bold: true, size: 32 })] }),
    ...(page.councils.length > 0
      ? [new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: page.councils.join(', '), size: 26 })] })]
      : []),
    new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: page.date, size: 26 })] }),
    new Paragraph({ children: [new PageBreak()] })
  ]
}

const detailsTable = (document: ExportDocument): (Paragraph | Table)[] => {
  if (!document.details || document.details.length === 0) return []
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: document.details.map(
        (d) =>
          new TableRow({
            children: [
              new TableCell({
                width: { size: 25, type: WidthType.PERCENTAGE },
                borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
                children: [new Paragraph({ children: [new TextRun({ text: d.label, bold: true })] })]
              }),
              new TableCell({
                borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
                children: [new Paragraph({ children: [new TextRun(d.value)] })]
              })
            ]
          })
      )
    }),
    new Paragraph({})
  ]
}

const levels = (kind: 'bullet' | 'number') =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    format: kind === 'bullet' ? LevelFormat.BULLET : NUMBER_FORMATS[level % 3]!,
    text: kind === 'bullet' ? BULLET_GLYPHS[level % 3]! : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } }
  }))

/** Builds the Word document; the bytes of a .docx file. */
export const toDocx = async (document: ExportDocument): Promise<Uint8Array> => {
  const context: Context = { nextListInstance: 1, listLevel: 0, quote: false }
  const file = new Document({
    creator: 'Mutual',
    title: document.title,
    description: document.titlePage ? `${document.titlePage.labName}, ${document.titlePage.date}` : undefined,
    styles: {
      // The document's language, so Word proofs a Welsh export as Welsh and screen readers use Welsh rules.
      default: { document: { run: { font: 'Calibri', size: 24, language: { value: document.lang ?? 'en-GB' } } } },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '374151' },
          paragraph: { indent: { left: 720 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: '8A949E', space: 8 } } }
        }
      ]
    },
    numbering: {
      config: [
        { reference: BULLETS, levels: levels('bullet') },
        { reference: NUMBERS, levels: levels('number') }
      ]
    },
    sections: [
      {
        children: [...titlePage(document), ...detailsTable(document), ...blocksDocx(document.body.content ?? [], context)]
      }
    ]
  })
  return new Uint8Array(await Packer.toArrayBuffer(file))
}
