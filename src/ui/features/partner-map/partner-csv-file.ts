import Papa from 'papaparse'
import {
  CSV_LIMITS,
  CSV_COLUMNS,
  mapHeader,
  partnerCsvRows,
  planPartnerImport,
  readCsvRow,
  type CsvRowResult,
  type ImportPlan
} from '../../../domain/partner-csv'
import type { Partner, Relationship } from '../../../domain/partner'
import { mapRelationshipHeader, planRelationshipImport, relationshipCsvRows, type RelationshipPlan } from '../../../domain/relationship-csv'

/*
 * Partner CSV files: bytes in, a checked import plan out (nothing is written here), and
 * partners out as CSV text. A file is `unknown` until this accepts it: wrong encodings,
 * spreadsheets saved in another format, empty and oversized files all get a plain message.
 */

export type Decoded =
  | { ok: true; text: string; encoding: 'UTF-8' | 'UTF-16' | 'Windows-1252'; notice: string | null }
  | { ok: false; message: string }

export const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`

export const tooBigMessage = (bytes: number): string =>
  `The file is ${megabytes(bytes)}; the largest CSV file Mutual imports is ${megabytes(CSV_LIMITS.bytes)}. Split it into smaller files.`

/** Every other byte zero: UTF-16 without its byte order mark. */
const looksLikeUtf16 = (bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null => {
  const sample = bytes.subarray(0, Math.min(bytes.length, 512))
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? evenZeros++ : oddZeros++)
  const half = sample.length / 2
  if (oddZeros > half * 0.6 && evenZeros === 0) return 'utf-16le'
  if (evenZeros > half * 0.6 && oddZeros === 0) return 'utf-16be'
  return null
}

/** Turns a file's bytes into text, or says plainly why it cannot be read as CSV. */
export const decodeCsvBytes = (bytes: Uint8Array): Decoded => {
  if (bytes.length === 0) return { ok: false, message: 'The file is empty.' }
  if (bytes.length > CSV_LIMITS.bytes) return { ok: false, message: tooBigMessage(bytes.length) }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return {
      ok: false,
      message: 'This is a spreadsheet workbook (for example .xlsx), not a CSV file. Save it as “CSV UTF-8” first, then import that file.'
    }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be'
    return { ok: true, text: new TextDecoder(label).decode(bytes), encoding: 'UTF-16', notice: null }
  }
  const utf16 = looksLikeUtf16(bytes)
  if (utf16) return { ok: true, text: new TextDecoder(utf16).decode(bytes), encoding: 'UTF-16', notice: null }
  if (bytes.includes(0))
    return {
      ok: false,
      message: 'This file does not look like a CSV file: it holds binary data. Save your list as CSV and try again.'
    }
  try {
    // TextDecoder drops a UTF-8 byte order mark (Excel's "CSV UTF-8" writes one).
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8', notice: null }
  } catch {
    return {
      ok: true,
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'Windows-1252',
      notice:
        'This file is not in UTF-8, so it was read as Windows-1252 (what older versions of Excel save). Check that names with accents look right; if not, save the file as “CSV UTF-8” and import it again.'
    }
  }
}

/** One row of a CSV file: the line it starts on (as a person sees it in an editor) and its cells. */
interface CsvLine {
  line: number
  cells: string[]
  /** A quoted cell that is never closed. */
  broken: boolean
}

type CsvTable = { ok: true; header: string[]; rows: CsvLine[] } | { ok: false; message: string }

/** Splits CSV text into its header and rows, keeping each row's line number. */
const readCsvTable = (text: string): CsvTable => {
  if (text.trim() === '') return { ok: false, message: 'The file is empty.' }
  let header: string[] | null = null
  const rows: CsvLine[] = []
  let newlines = 0
  let counted = 0
  let tooMany = false
  // Papa reports where each row ends; the line a row starts on is what a person sees in
  // their spreadsheet or editor, also when a quoted cell spans several lines.
  const lineAt = (offset: number): number => {
    let start = offset
    while (start < text.length && /\s/.test(text[start] as string)) start++
    for (; counted < start && counted < text.length; counted++) if (text[counted] === '\n') newlines++
    return newlines + 1
  }
  let previousEnd = 0
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      const line = lineAt(previousEnd)
      previousEnd = result.meta.cursor
      const cells = result.data.map((cell) => String(cell))
      if (!header) {
        header = cells
        return
      }
      if (rows.length >= CSV_LIMITS.rows) {
        tooMany = true
        parser.abort()
        return
      }
      rows.push({ line, cells, broken: result.errors.some((e) => e.type === 'Quotes') })
    }
  })
  if (tooMany)
    return { ok: false, message: `The file has more than ${CSV_LIMITS.rows.toLocaleString('en-GB')} rows. Split it into smaller files.` }
  return header ? { ok: true, header, rows } : { ok: false, message: 'The file is empty.' }
}

const BROKEN_QUOTES = 'A quoted cell is not closed: check the quotation marks on this line'

export type ParsedCsv =
  | { ok: true; kind: 'partners'; plan: ImportPlan }
  | { ok: true; kind: 'relationships'; plan: RelationshipPlan }
  | { ok: false; message: string }

type ExistingPartners = Parameters<typeof planPartnerImport>[1]

/** What is on the map already, which an import is checked against. */
export interface MapContents {
  partners: ExistingPartners
  relationships: readonly Pick<Relationship, 'from' | 'to' | 'type'>[]
}

/**
 * Reads CSV text into an import plan, of partners or, when the columns are those of
 * "Export relationships CSV", of relationships between partners on the map. Each bad row
 * is kept with its line number and reasons.
 */
export const parsePartnerCsv = (text: string, map: MapContents): ParsedCsv => {
  const table = readCsvTable(text)
  if (!table.ok) return table
  const relationshipHeader = mapRelationshipHeader(table.header)
  if (relationshipHeader) {
    if (table.rows.length === 0) return { ok: false, message: 'The file has column names but no rows of relationships.' }
    const readable = table.rows.filter((row) => !row.broken)
    const plan = planRelationshipImport(readable, relationshipHeader, map.partners, map.relationships)
    const broken = table.rows.filter((row) => row.broken).map((row) => ({ line: row.line, reasons: [BROKEN_QUOTES] }))
    plan.problems = [...plan.problems, ...broken].sort((a, b) => a.line - b.line)
    return { ok: true, kind: 'relationships', plan }
  }
  const mapping = mapHeader(table.header)
  if (mapping.columns.name === undefined)
    return {
      ok: false,
      message: `The first line must name the columns, including “${CSV_COLUMNS.name}” (or, for relationships, From, Relationship and To). Download the template to see the columns Mutual reads.`
    }
  if (table.rows.length === 0) return { ok: false, message: 'The file has column names but no rows of partners.' }
  const rows: CsvRowResult[] = table.rows.map((row) =>
    row.broken ? { ok: false, line: row.line, reasons: [BROKEN_QUOTES] } : readCsvRow(row.cells, mapping, row.line)
  )
  return { ok: true, kind: 'partners', plan: planPartnerImport(rows, map.partners, mapping.ignored) }
}

export type CsvFileResult = (ParsedCsv & { ok: true } & { encoding: string; notice: string | null }) | { ok: false; message: string }

/** A chosen file's bytes → plan (or the reason it cannot be imported). */
export const readPartnerCsvFile = (bytes: Uint8Array, map: MapContents): CsvFileResult => {
  const decoded = decodeCsvBytes(bytes)
  if (!decoded.ok) return decoded
  const parsed = parsePartnerCsv(decoded.text, map)
  if (!parsed.ok) return parsed
  return { ...parsed, encoding: decoded.encoding, notice: decoded.notice }
}

/** CSV text with a byte order mark and CRLF line ends, which Excel opens correctly. */
const toCsv = (rows: string[][]): string => `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`

export const partnersToCsv = (partners: readonly Partner[]): string => toCsv(partnerCsvRows(partners))

export const relationshipsToCsv = (relationships: readonly Relationship[], partners: readonly Partner[]): string =>
  toCsv(relationshipCsvRows(relationships, partners))

/** A template a person can fill in: the header and one example row. */
export const partnerCsvTemplate = (): string =>
  toCsv([
    Object.values(CSV_COLUMNS),
    [
      'Oldham Council',
      'Council',
      'North of England',
      'Lead',
      'Committed',
      'www.oldham.gov.uk',
      'Hosts the lab',
      'Venues: civic centre rooms; Skills: facilitation',
      'Data: benefits take-up',
      'Asha Patel',
      'Policy officer',
      'asha.patel@oldham.gov.uk',
      '0161 770 3000'
    ]
  ])
