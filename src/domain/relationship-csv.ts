import {
  LIMITS,
  RELATIONSHIP_PHRASES,
  RELATIONSHIP_TYPE_LABELS,
  STRENGTH_LABELS,
  STRENGTHS,
  isDirected,
  type Partner,
  type PartnerId,
  type Relationship,
  type RelationshipType,
  type Strength
} from './partner'
import { escapeCell, nameKey, unescapeCell } from './partner-csv'
import { fillKnown } from './i18n/known-text'
import { csvProblemsEn } from './i18n/areas/csv-problems.en'

/**
 * Relationships as CSV: what "Export relationships CSV" writes, and the same columns read
 * back. A row names its two partners, which must already be on the map; the relationship
 * can be written as the export writes it ("Funds") or as the app says it, either way round
 * ("funds", "is funded by").
 */
export const RELATIONSHIP_CSV_COLUMNS = ['From', 'Relationship', 'To', 'Strength', 'Note'] as const

/** Relationships as rows (header first), with partner names; for reading in a spreadsheet. */
export const relationshipCsvRows = (relationships: readonly Relationship[], partners: readonly Partner[]): string[][] => {
  const names = new Map(partners.map((p) => [p.id, p.name]))
  return [
    [...RELATIONSHIP_CSV_COLUMNS],
    ...relationships
      .filter((r) => names.has(r.from) && names.has(r.to))
      .map((r) =>
        [names.get(r.from) ?? '', RELATIONSHIP_TYPE_LABELS[r.type], names.get(r.to) ?? '', STRENGTH_LABELS[r.strength], r.note].map(escapeCell)
      )
  ]
}

type Column = 'from' | 'relationship' | 'to' | 'strength' | 'note'
const COLUMN_NAMES: Record<string, Column> = { from: 'from', relationship: 'relationship', to: 'to', strength: 'strength', note: 'note' }

/** Which column holds what, when the header is a relationships header (From, Relationship and To). */
export const mapRelationshipHeader = (header: readonly string[]): { columns: Partial<Record<Column, number>>; ignored: string[] } | null => {
  const columns: Partial<Record<Column, number>> = {}
  const ignored: string[] = []
  header.forEach((cell, index) => {
    const column = COLUMN_NAMES[cell.trim().toLowerCase()]
    if (column && columns[column] === undefined) columns[column] = index
    else if (cell.trim()) ignored.push(cell.trim())
  })
  return columns.from !== undefined && columns.relationship !== undefined && columns.to !== undefined ? { columns, ignored } : null
}

/** Every way a relationship may be written, to its type and which way round it reads. */
const WORDINGS = new Map<string, { type: RelationshipType; reverse: boolean }>([
  ...Object.entries(RELATIONSHIP_TYPE_LABELS).map(([type, label]) => [label.toLowerCase(), { type: type as RelationshipType, reverse: false }] as const),
  ...RELATIONSHIP_PHRASES.map((p) => [p.label.toLowerCase(), { type: p.type, reverse: p.reverse }] as const)
])
const STRENGTH_WORDS = new Map<string, Strength>(STRENGTHS.flatMap((s) => [[STRENGTH_LABELS[s].toLowerCase(), s], [String(s), s]] as const))
const DEFAULT_STRENGTH: Strength = 2

export interface PlannedRelationship {
  from: PartnerId
  to: PartnerId
  type: RelationshipType
  strength: Strength
  note: string
}

export interface RelationshipPlan {
  relationships: PlannedRelationship[]
  /** Rows naming a relationship the map (or an earlier row) already has. */
  alreadyThere: number
  problems: { line: number; reasons: string[] }[]
  ignoredColumns: string[]
}

/** One relationship however it is written: undirected ones are the same either way round. */
const relationshipKey = (r: { from: string; to: string; type: RelationshipType }): string =>
  isDirected(r.type) ? `${r.type}|${r.from}|${r.to}` : `${r.type}|${[r.from, r.to].sort().join('|')}`

/**
 * Reads relationship rows against the partners on the map: each row is planned, already
 * there (so importing a file twice adds nothing), or a problem with its line and reasons.
 */
export const planRelationshipImport = (
  rows: readonly { line: number; cells: readonly string[] }[],
  header: NonNullable<ReturnType<typeof mapRelationshipHeader>>,
  partners: readonly Pick<Partner, 'id' | 'name'>[],
  existing: readonly Pick<Relationship, 'from' | 'to' | 'type'>[]
): RelationshipPlan => {
  const byName = new Map<string, PartnerId[]>()
  for (const p of partners) byName.set(nameKey(p.name), [...(byName.get(nameKey(p.name)) ?? []), p.id])
  const known = new Set(existing.map(relationshipKey))
  const plan: RelationshipPlan = { relationships: [], alreadyThere: 0, problems: [], ignoredColumns: header.ignored }
  for (const { line, cells } of rows) {
    const cell = (column: Column): string => {
      const index = header.columns[column]
      return index === undefined ? '' : unescapeCell((cells[index] ?? '').trim())
    }
    const reasons: string[] = []
    const partner = (column: 'from' | 'to'): PartnerId | null => {
      const name = cell(column)
      const found = byName.get(nameKey(name)) ?? []
      if (!name) reasons.push(fillKnown('csvProblem.emptyEnd', { column: column === 'from' ? 'From' : 'To' }))
      else if (found.length === 0) reasons.push(fillKnown('csvProblem.noSuchPartner', { name }))
      else if (found.length > 1) reasons.push(fillKnown('csvProblem.samePartnerName', { count: found.length, name }))
      return found.length === 1 ? (found[0] as PartnerId) : null
    }
    const from = partner('from')
    const to = partner('to')
    const wording = WORDINGS.get(cell('relationship').toLowerCase().replace(/\s+/g, ' '))
    if (!wording)
      reasons.push(fillKnown('csvProblem.unknownRelationship', { value: cell('relationship'), choices: [...new Set(Object.values(RELATIONSHIP_TYPE_LABELS))].join(', ') }))
    const strengthText = cell('strength').toLowerCase()
    const strength = strengthText === '' ? DEFAULT_STRENGTH : STRENGTH_WORDS.get(strengthText)
    if (strength === undefined) reasons.push(fillKnown('csvProblem.strength', { value: cell('strength') }))
    const note = cell('note')
    if (note.length > LIMITS.relationshipNote) reasons.push(fillKnown('csvProblem.noteTooLong', { max: LIMITS.relationshipNote }))
    if (from && to && from === to) reasons.push(csvProblemsEn['csvProblem.samePartner'])
    if (reasons.length > 0 || !from || !to || !wording || strength === undefined) {
      plan.problems.push({ line, reasons })
      continue
    }
    // "B is funded by A" is stored as "A funds B".
    const planned = { from: wording.reverse ? to : from, to: wording.reverse ? from : to, type: wording.type, strength, note }
    const key = relationshipKey(planned)
    if (known.has(key)) {
      plan.alreadyThere += 1
      continue
    }
    known.add(key)
    plan.relationships.push(planned)
  }
  return plan
}
