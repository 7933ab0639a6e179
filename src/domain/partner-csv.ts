import { z } from 'zod'
import {
  ContactFieldsSchema,
  PARTNER_DEFAULTS,
  PARTNER_ROLE_LABELS,
  PARTNER_STATUS_LABELS,
  PARTNER_TYPE_LABELS,
  PartnerFieldsSchema,
  RELATIONSHIP_TYPE_LABELS,
  RESOURCE_CATEGORY_LABELS,
  STRENGTH_LABELS,
  firstIssue,
  type ContactFields,
  type Partner,
  type PartnerFields,
  type PartnerId,
  type Relationship,
  type ResourceCategory,
  type ResourceFields
} from './partner'
import { fillKnown } from './i18n/known-text'

/*
 * The partner CSV format, both ways. One row per contact (a partner with no contacts has one
 * row with the contact columns empty); rows that name the same organisation are one partner,
 * and its details come from the first valid row. Offers and needs are written
 * "Skills: facilitation; Venues: town hall". What we export imports back unchanged.
 * File handling (bytes, encodings, papaparse) is in ui/features/partner-map/partner-csv-file.ts;
 * here are only the rules for cells and rows.
 */

/** Limits that keep a browser tab responsive; a lab's partner list is far smaller. */
export const CSV_LIMITS = { bytes: 5 * 1024 * 1024, rows: 5000 } as const

export const CSV_COLUMNS = {
  name: 'Organisation',
  type: 'Type',
  region: 'Region',
  role: 'Role',
  status: 'Status',
  website: 'Website',
  notes: 'Notes',
  offers: 'Offers',
  needs: 'Needs',
  contactName: 'Contact name',
  contactJobTitle: 'Contact job title',
  contactEmail: 'Contact email',
  contactPhone: 'Contact phone'
} as const
export type CsvColumn = keyof typeof CSV_COLUMNS

/** Other headings people use in their own spreadsheets, compared without case or spaces. */
const ALIASES: Record<CsvColumn, readonly string[]> = {
  name: ['organisation', 'organization', 'name', 'partner', 'partnername', 'organisationname', 'organizationname'],
  type: ['type', 'partnertype', 'organisationtype', 'organizationtype'],
  region: ['region', 'area'],
  role: ['role', 'roleinthelab', 'labrole'],
  status: ['status', 'approachstatus', 'statusoftheapproach'],
  website: ['website', 'web', 'url', 'site', 'webaddress'],
  notes: ['notes', 'note', 'comments'],
  offers: ['offers', 'offer', 'canoffer'],
  needs: ['needs', 'need'],
  contactName: ['contactname', 'contact', 'contactperson'],
  contactJobTitle: ['contactjobtitle', 'jobtitle', 'contacttitle', 'contactrole'],
  contactEmail: ['contactemail', 'email', 'emailaddress'],
  contactPhone: ['contactphone', 'phone', 'telephone', 'tel', 'phonenumber']
}

const squash = (text: string): string => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '')

export interface HeaderMapping {
  columns: Partial<Record<CsvColumn, number>>
  /** Headings that matched nothing: reported, then left out. */
  ignored: string[]
}

export const mapHeader = (header: readonly string[]): HeaderMapping => {
  const columns: Partial<Record<CsvColumn, number>> = {}
  const ignored: string[] = []
  header.forEach((heading, index) => {
    const key = squash(heading)
    const column = (Object.keys(ALIASES) as CsvColumn[]).find((c) => ALIASES[c].includes(key))
    if (column && columns[column] === undefined) columns[column] = index
    else if (heading.trim() !== '') ignored.push(heading.trim())
  })
  return { columns, ignored }
}

/** A spreadsheet opening a cell that starts with = + - @ runs it as a formula; we neutralise that. */
const FORMULA_START = /^[=+\-@\t\r]/
export const escapeCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value)
export const unescapeCell = (value: string): string => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value)

/** Reads an enum cell: its key ("vcse") or its label ("VCSE organisation"), any case. */
const enumCell = <T extends string>(labels: Record<T, string>, what: string) =>
  z.string().transform((raw, ctx): T | undefined => {
    if (raw.trim() === '') return undefined
    const wanted = squash(raw)
    const found = (Object.keys(labels) as T[]).find((key) => squash(key) === wanted || squash(labels[key]) === wanted)
    if (found) return found
    ctx.addIssue({ code: 'custom', message: fillKnown('csvProblem.notOneOf', { column: what, value: raw.trim(), choices: Object.values<string>(labels).join(', ') }) })
    return z.NEVER
  })

const TypeCell = enumCell(PARTNER_TYPE_LABELS, 'Type')
const RoleCell = enumCell(PARTNER_ROLE_LABELS, 'Role')
const StatusCell = enumCell(PARTNER_STATUS_LABELS, 'Status')

/** The longest description of one offer or need in a CSV cell. */
const MAX_RESOURCE_DETAIL = 300

/** "Skills: facilitation; Venues: town hall" → items. A bare category ("Funding") is allowed. */
export const parseResourceCell = (raw: string, column: string): { ok: true; items: ResourceFields[] } | { ok: false; message: string } => {
  const items: ResourceFields[] = []
  for (const entry of raw.split(/[;\n]/).map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':')
    const head = squash(colon === -1 ? entry : entry.slice(0, colon))
    const category = (Object.keys(RESOURCE_CATEGORY_LABELS) as ResourceCategory[]).find((c) => c === head)
    if (!category)
      return {
        ok: false,
        message: fillKnown('csvProblem.resourceStart', { column, entry, choices: Object.values(RESOURCE_CATEGORY_LABELS).join(', ') })
      }
    const detail = colon === -1 ? '' : entry.slice(colon + 1).trim()
    if (detail.length > MAX_RESOURCE_DETAIL) return { ok: false, message: fillKnown('csvProblem.resourceTooLong', { column, max: MAX_RESOURCE_DETAIL }) }
    items.push({ category, detail })
  }
  return { ok: true, items }
}

export const formatResources = (items: readonly ResourceFields[]): string =>
  items.map((item) => `${RESOURCE_CATEGORY_LABELS[item.category]}${item.detail ? `: ${item.detail}` : ''}`).join('; ')

/** One data row, read and checked. */
export type CsvRowResult =
  | {
      ok: true
      line: number
      partner: PartnerFields
      /** Which partner fields the row gave (the others take defaults). */
      given: (keyof PartnerFields)[]
      contact: ContactFields | null
      offers: ResourceFields[]
      needs: ResourceFields[]
    }
  | { ok: false; line: number; reasons: string[] }

/** Reads one data row (cells in file order) with the header mapping; `line` is for messages. */
export const readCsvRow = (cells: readonly string[], mapping: HeaderMapping, line: number): CsvRowResult => {
  const cell = (column: CsvColumn): string => {
    const index = mapping.columns[column]
    // Cells from Windows files keep CRLF inside quoted text; notes are stored with \n only.
    return index === undefined ? '' : unescapeCell(cells[index] ?? '').replace(/\r\n?/g, '\n').trim()
  }
  const reasons: string[] = []
  // The enum cells' messages name their column already ("Type “x” is not one of …").
  const keep = <T>(result: z.ZodSafeParseResult<T>): T | undefined => {
    if (result.success) return result.data
    reasons.push(firstIssue(result.error))
    return undefined
  }
  const type = keep(TypeCell.safeParse(cell('type')))
  const role = keep(RoleCell.safeParse(cell('role')))
  const status = keep(StatusCell.safeParse(cell('status')))
  const given = (['name', 'type', 'region', 'role', 'status', 'website', 'notes'] as const).filter((field) => {
    const column = field as CsvColumn
    return cell(column) !== ''
  })
  const partnerResult = PartnerFieldsSchema.safeParse({
    ...PARTNER_DEFAULTS,
    name: cell('name'),
    region: cell('region'),
    website: cell('website'),
    notes: cell('notes'),
    ...(type ? { type } : {}),
    ...(role ? { role } : {}),
    ...(status ? { status } : {})
  })
  if (!partnerResult.success)
    for (const issue of partnerResult.error.issues)
      reasons.push(fillKnown('csvProblem.cell', { column: CSV_COLUMNS[String(issue.path[0]) as CsvColumn] ?? 'Value', reason: issue.message }))

  const contactCells = { name: cell('contactName'), jobTitle: cell('contactJobTitle'), email: cell('contactEmail'), phone: cell('contactPhone') }
  let contact: ContactFields | null = null
  if (Object.values(contactCells).some((v) => v !== '')) {
    const contactResult = ContactFieldsSchema.safeParse(contactCells)
    if (contactResult.success) contact = contactResult.data
    else {
      const column = { name: 'contactName', jobTitle: 'contactJobTitle', email: 'contactEmail', phone: 'contactPhone' } as const
      for (const issue of contactResult.error.issues)
        reasons.push(fillKnown('csvProblem.cell', { column: CSV_COLUMNS[column[String(issue.path[0]) as keyof typeof column] ?? 'contactName'], reason: issue.message }))
    }
  }
  const offers = parseResourceCell(cell('offers'), CSV_COLUMNS.offers)
  const needs = parseResourceCell(cell('needs'), CSV_COLUMNS.needs)
  if (!offers.ok) reasons.push(offers.message)
  if (!needs.ok) reasons.push(needs.message)
  if (reasons.length > 0 || !partnerResult.success || !offers.ok || !needs.ok) return { ok: false, line, reasons }
  return { ok: true, line, partner: partnerResult.data, given, contact, offers: offers.items, needs: needs.items }
}

/** What importing will do to one organisation. */
export interface PlannedPartner {
  /** Set when a partner of this name is already on the map: only new contacts, offers and needs are added. */
  existingId: PartnerId | null
  fields: PartnerFields
  contacts: ContactFields[]
  offers: ResourceFields[]
  needs: ResourceFields[]
  lines: number[]
}

export interface ImportPlan {
  partners: PlannedPartner[]
  problems: { line: number; reasons: string[] }[]
  ignoredColumns: string[]
  /** Rows that will be imported (all valid rows). */
  validRows: number
}

/** How names are compared: case, spacing and surrounding blanks do not matter. */
export const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase()
const contactKey = (c: { name: string; email: string }): string => `${nameKey(c.name)}|${c.email.trim().toLowerCase()}`
const resourceKey = (r: ResourceFields): string => `${r.category}|${nameKey(r.detail)}`

/**
 * Groups valid rows by organisation and sets them against the partners already on the map
 * (same name, any case): nothing is duplicated, so importing the same file twice adds nothing.
 */
export const planPartnerImport = (
  rows: readonly CsvRowResult[],
  existing: readonly Pick<Partner, 'id' | 'name' | 'contacts' | 'offers' | 'needs'>[],
  ignoredColumns: string[] = []
): ImportPlan => {
  const byName = new Map<string, PlannedPartner>()
  const seen = new Map<PlannedPartner, { contacts: Set<string>; resources: Set<string> }>()
  const current = new Map(existing.map((p) => [nameKey(p.name), p]))
  const problems: ImportPlan['problems'] = []
  let validRows = 0
  for (const row of rows) {
    if (!row.ok) {
      problems.push({ line: row.line, reasons: row.reasons })
      continue
    }
    validRows += 1
    const key = nameKey(row.partner.name)
    let planned = byName.get(key)
    if (!planned) {
      const onMap = current.get(key)
      planned = { existingId: onMap?.id ?? null, fields: row.partner, contacts: [], offers: [], needs: [], lines: [] }
      byName.set(key, planned)
      seen.set(planned, {
        contacts: new Set(onMap?.contacts.map(contactKey) ?? []),
        resources: new Set([...(onMap?.offers ?? []).map((o) => `offers|${resourceKey(o)}`), ...(onMap?.needs ?? []).map((n) => `needs|${resourceKey(n)}`)])
      })
    }
    const known = seen.get(planned) as { contacts: Set<string>; resources: Set<string> }
    planned.lines.push(row.line)
    if (row.contact && !known.contacts.has(contactKey(row.contact))) {
      known.contacts.add(contactKey(row.contact))
      planned.contacts.push(row.contact)
    }
    for (const side of ['offers', 'needs'] as const)
      for (const item of row[side]) {
        if (known.resources.has(`${side}|${resourceKey(item)}`)) continue
        known.resources.add(`${side}|${resourceKey(item)}`)
        planned[side].push(item)
      }
  }
  return { partners: [...byName.values()], problems: problems.sort((a, b) => a.line - b.line), ignoredColumns, validRows }
}

/** Counts for the confirmation: "3 new partners, 2 contacts added to partners already on the map". */
export const summarisePlan = (plan: ImportPlan) => ({
  newPartners: plan.partners.filter((p) => p.existingId === null).length,
  updatedPartners: plan.partners.filter((p) => p.existingId !== null && p.contacts.length + p.offers.length + p.needs.length > 0).length,
  unchangedPartners: plan.partners.filter((p) => p.existingId !== null && p.contacts.length + p.offers.length + p.needs.length === 0).length,
  contacts: plan.partners.reduce((n, p) => n + p.contacts.length, 0)
})

/** The partners as rows for the CSV export (header first), in the format the import reads. */
export const partnerCsvRows = (partners: readonly Partner[]): string[][] => {
  const header = Object.values(CSV_COLUMNS)
  const rows: string[][] = [header]
  for (const p of partners) {
    const base = [
      p.name,
      PARTNER_TYPE_LABELS[p.type],
      p.region,
      PARTNER_ROLE_LABELS[p.role],
      PARTNER_STATUS_LABELS[p.status],
      p.website,
      p.notes,
      formatResources(p.offers),
      formatResources(p.needs)
    ]
    const contacts = p.contacts.length > 0 ? p.contacts : [null]
    for (const c of contacts) rows.push([...base, c?.name ?? '', c?.jobTitle ?? '', c?.email ?? '', c?.phone ?? ''].map(escapeCell))
  }
  return rows
}
