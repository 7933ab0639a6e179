import { describe, expect, it } from 'vitest'
import { CSV_LIMITS, summarisePlan } from '../../../src/domain/partner-csv'
import { addContact, addResource } from '../../../src/crdt/partner-items'
import { addPartner } from '../../../src/crdt/partner-map'
import { importPartners } from '../../../src/crdt/partner-import'
import {
  decodeCsvBytes,
  parsePartnerCsv,
  partnerCsvTemplate,
  partnersToCsv,
  readPartnerCsvFile
} from '../../../src/ui/features/partner-map/partner-csv-file'
import type { PartnerId } from '../../../src/domain/partner'
import { asha, newMap, read } from './support'

/** A map with nothing on it yet. */
const NO_MAP = { partners: [], relationships: [] }

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

const GOOD = [
  'Organisation,Type,Region,Role,Status,Website,Notes,Offers,Needs,Contact name,Contact job title,Contact email,Contact phone',
  'Oldham Council,Council,North of England,Lead,Committed,www.oldham.gov.uk,Hosts the lab,"Venues: civic centre; Skills: facilitation",Data: benefits,Asha Patel,Policy officer,asha@oldham.gov.uk,0161 770 3000',
  'Oldham Council,,,,,,,,,Imran Khan,Analyst,imran@oldham.gov.uk,',
  'Age UK Oldham,vcse,north of england,supporter,interested,,"Runs lunch clubs,',
  'and a befriending line",Time: volunteers,,,,,'
].join('\r\n')

describe('reading a partner CSV file', () => {
  it('reads a good file: groups rows by organisation, contacts per row, offers and needs', () => {
    const result = readPartnerCsvFile(utf8(GOOD), NO_MAP)
    if (!result.ok || result.kind !== 'partners') throw new Error(result.ok ? 'read as relationships' : result.message)
    expect(result.encoding).toBe('UTF-8')
    expect(result.plan.problems).toEqual([])
    expect(result.plan.validRows).toBe(3)
    const [oldham, age] = result.plan.partners
    expect(oldham).toMatchObject({
      existingId: null,
      lines: [2, 3],
      fields: { name: 'Oldham Council', type: 'council', role: 'lead', status: 'committed', website: 'https://www.oldham.gov.uk/' },
      offers: [{ category: 'venues', detail: 'civic centre' }, { category: 'skills', detail: 'facilitation' }],
      needs: [{ category: 'data', detail: 'benefits' }]
    })
    expect(oldham?.contacts.map((c) => c.name)).toEqual(['Asha Patel', 'Imran Khan'])
    expect(age).toMatchObject({ fields: { type: 'vcse', notes: 'Runs lunch clubs,\nand a befriending line' }, contacts: [], lines: [4] })
  })

  it('reports each bad row with the line it starts on and every reason, and keeps the good rows', () => {
    const text = [
      'Organisation,Type,Role,Status,Contact name,Contact email,Offers',
      'Good One,council,,,,,',
      ',council,,,,,',
      '"Multi',
      'line name",spaceship,boss,,,,',
      'Bad Contact,,,,,pat@example.org,',
      'Bad Email,,,,Pat,pat@,Money: lots',
      'Good Two,,,,,,'
    ].join('\n')
    const result = parsePartnerCsv(text, NO_MAP)
    if (!result.ok || result.kind !== 'partners') throw new Error(result.ok ? 'read as relationships' : result.message)
    expect(result.plan.partners.map((p) => p.fields.name)).toEqual(['Good One', 'Good Two'])
    expect(result.plan.problems).toEqual([
      { line: 3, reasons: ['Organisation: Enter the organisation’s name'] },
      {
        line: 4,
        reasons: [
          'Type “spaceship” is not one of: Council, Associate member, Affiliate member, VCSE organisation, Supplier, University, Government, Business, Other',
          'Role “boss” is not one of: Lead, Partner, Supporter, Interested, To approach'
        ]
      },
      { line: 6, reasons: ['Contact name: Enter the contact’s name'] },
      {
        line: 7,
        reasons: [
          'Contact email: Enter an email address like name@example.org',
          'Offers: “Money: lots” should start with one of Skills, Time, Venues, Data, Funding and a colon'
        ]
      }
    ])
  })

  it('reports a quoted cell that is never closed', () => {
    const result = parsePartnerCsv('Organisation,Notes\nA,"never closed\nB,fine\n', NO_MAP)
    if (!result.ok || result.kind !== 'partners') throw new Error(result.ok ? 'read as relationships' : result.message)
    expect(result.plan.problems).toEqual([{ line: 2, reasons: ['A quoted cell is not closed: check the quotation marks on this line'] }])
  })

  it('reads other headings people use and reports the columns it ignores', () => {
    const result = parsePartnerCsv('Partner Name,E-mail,Telephone,Favourite colour,Contact\nX,x@y.org,0161 770 3000,Blue,Pat\n', NO_MAP)
    if (!result.ok || result.kind !== 'partners') throw new Error(result.ok ? 'read as relationships' : result.message)
    expect(result.plan.ignoredColumns).toEqual(['Favourite colour'])
    expect(result.plan.partners[0]?.contacts).toEqual([{ name: 'Pat', jobTitle: '', email: 'x@y.org', phone: '0161 770 3000' }])
  })

  it('refuses an empty file, a blank one, a header with no rows and one with no organisation column', () => {
    expect(readPartnerCsvFile(new Uint8Array(), NO_MAP)).toEqual({ ok: false, message: 'The file is empty.' })
    expect(readPartnerCsvFile(utf8(' \r\n\r\n'), NO_MAP)).toEqual({ ok: false, message: 'The file is empty.' })
    expect(readPartnerCsvFile(utf8('Organisation,Type\r\n'), NO_MAP)).toEqual({ ok: false, message: 'The file has column names but no rows of partners.' })
    const noName = readPartnerCsvFile(utf8('Type,Region\ncouncil,Wales\n'), NO_MAP)
    expect(noName.ok).toBe(false)
    expect(!noName.ok && noName.message).toContain('including “Organisation”')
  })

  it('refuses a huge file before reading it, and a file with too many rows', () => {
    const huge = new Uint8Array(CSV_LIMITS.bytes + 1).fill(0x41)
    const result = readPartnerCsvFile(huge, NO_MAP)
    expect(result).toEqual({ ok: false, message: 'The file is 5.0 MB; the largest CSV file Mutual imports is 5.0 MB. Split it into smaller files.' })
    const many = ['Organisation', ...Array.from({ length: CSV_LIMITS.rows + 1 }, (_, i) => `Partner ${i}`)].join('\n')
    expect(readPartnerCsvFile(utf8(many), NO_MAP)).toEqual({ ok: false, message: 'The file has more than 5,000 rows. Split it into smaller files.' })
    const atLimit = ['Organisation', ...Array.from({ length: CSV_LIMITS.rows }, (_, i) => `Partner ${i}`)].join('\n')
    const ok = readPartnerCsvFile(utf8(atLimit), NO_MAP)
    expect(ok.ok && ok.kind === 'partners' && ok.plan.partners.length).toBe(CSV_LIMITS.rows)
  })

  it('reads Windows-1252 (old Excel) with a notice, UTF-16 with or without a byte order mark, and drops a UTF-8 BOM', () => {
    const latin = Uint8Array.from([...utf8('Organisation,Region\nCaf'), 0xe9, ...utf8(' Cymru,Wales\n')])
    const decoded = decodeCsvBytes(latin)
    expect(decoded).toMatchObject({ ok: true, encoding: 'Windows-1252', text: 'Organisation,Region\nCafé Cymru,Wales\n' })
    expect(decoded.ok && decoded.notice).toContain('not in UTF-8')
    const file = readPartnerCsvFile(latin, NO_MAP)
    expect(file.ok && file.kind === 'partners' && file.plan.partners[0]?.fields.name).toBe('Café Cymru')

    const text = 'Organisation\nCafé Cymru\n'
    const le = new Uint8Array(text.length * 2)
    for (let i = 0; i < text.length; i++) le[i * 2] = text.charCodeAt(i)
    expect(decodeCsvBytes(Uint8Array.from([0xff, 0xfe, ...le]))).toMatchObject({ ok: true, encoding: 'UTF-16', text })
    expect(decodeCsvBytes(le)).toMatchObject({ ok: true, encoding: 'UTF-16', text })
    expect(decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]))).toMatchObject({ ok: true, encoding: 'UTF-8', text })
  })

  it('refuses a workbook and binary data with a plain message', () => {
    const xlsx = decodeCsvBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))
    expect(!xlsx.ok && xlsx.message).toContain('spreadsheet workbook')
    const binary = decodeCsvBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))
    expect(!binary.ok && binary.message).toContain('binary data')
  })
})

describe('importing and exporting', () => {
  it('imports the confirmed plan in one go, then adds nothing when the same file comes again', () => {
    const { doc, mapId } = newMap()
    const first = readPartnerCsvFile(utf8(GOOD), read(doc, mapId))
    if (!first.ok || first.kind !== 'partners') throw new Error(first.ok ? 'read as relationships' : first.message)
    expect(summarisePlan(first.plan)).toEqual({ newPartners: 2, updatedPartners: 0, unchangedPartners: 0, contacts: 2 })
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    expect(importPartners(doc, mapId, first.plan, asha, 50)).toEqual({ partnersAdded: 2, partnersUpdated: 0, contactsAdded: 2 })
    expect(transactions).toBe(1)
    const again = readPartnerCsvFile(utf8(GOOD), read(doc, mapId))
    if (!again.ok || again.kind !== 'partners') throw new Error(again.ok ? 'read as relationships' : again.message)
    expect(summarisePlan(again.plan)).toEqual({ newPartners: 0, updatedPartners: 0, unchangedPartners: 2, contacts: 0 })
    expect(importPartners(doc, mapId, again.plan, asha, 51)).toEqual({ partnersAdded: 0, partnersUpdated: 0, contactsAdded: 0 })
    expect(read(doc, mapId).partners.map((p) => [p.name, p.contacts.length])).toEqual([['Age UK Oldham', 0], ['Oldham Council', 2]])
  })

  it('adds only new contacts to a partner already on the map (matched by name, any case)', () => {
    const { doc, mapId } = newMap()
    const id = addPartner(doc, mapId, { name: 'oldham council', region: 'Kept as it was' }, asha, 3) as PartnerId
    addContact(doc, mapId, id, { name: 'Asha Patel', email: 'asha@oldham.gov.uk' }, asha, 4)
    const result = readPartnerCsvFile(utf8(GOOD), read(doc, mapId))
    if (!result.ok || result.kind !== 'partners') throw new Error(result.ok ? 'read as relationships' : result.message)
    expect(result.plan.partners[0]).toMatchObject({ existingId: id, contacts: [expect.objectContaining({ name: 'Imran Khan' })] })
    importPartners(doc, mapId, result.plan, asha, 5)
    const oldham = read(doc, mapId).partners.find((p) => p.id === id)
    expect(oldham?.region).toBe('Kept as it was')
    expect(oldham?.contacts.map((c) => c.name)).toEqual(['Asha Patel', 'Imran Khan'])
  })

  it('exports CSV that imports back to the same partners, neutralising spreadsheet formulas', () => {
    const { doc, mapId } = newMap()
    const id = addPartner(doc, mapId, { name: '=HYPERLINK("http://evil")', type: 'university', region: 'Wales & Midlands', role: 'partner', status: 'interested', notes: 'Line one\nline, two "quoted"' }, asha, 3) as PartnerId
    addContact(doc, mapId, id, { name: 'Dr Ffion Jones', jobTitle: 'Lecturer', email: 'f.jones@cardiff.ac.uk', phone: '+44 29 2087 4000' }, asha, 4)
    addContact(doc, mapId, id, { name: 'Gareth Evans' }, asha, 5)
    addResource(doc, mapId, id, 'offers', { category: 'skills', detail: 'Evaluation' }, asha, 6)
    addResource(doc, mapId, id, 'needs', { category: 'funding', detail: '' }, asha, 7)
    addPartner(doc, mapId, { name: 'No Contacts Ltd', type: 'business' }, asha, 8)
    const csv = partnersToCsv(read(doc, mapId).partners)
    expect(csv.startsWith('\uFEFFOrganisation,Type,Region')).toBe(true)
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(csv).toContain("'+44 29 2087 4000")

    const target = newMap()
    const parsed = readPartnerCsvFile(utf8(csv), NO_MAP)
    if (!parsed.ok || parsed.kind !== 'partners') throw new Error(parsed.ok ? 'read as relationships' : parsed.message)
    expect(parsed.plan.problems).toEqual([])
    importPartners(target.doc, target.mapId, parsed.plan, asha, 9)
    const strip = (p: ReturnType<typeof read>['partners'][number]) => ({
      ...p,
      id: undefined,
      createdAt: undefined,
      updatedAt: undefined,
      contacts: p.contacts.map((c) => ({ ...c, id: undefined, createdAt: undefined })),
      offers: p.offers.map((c) => ({ ...c, id: undefined, createdAt: undefined })),
      needs: p.needs.map((c) => ({ ...c, id: undefined, createdAt: undefined }))
    })
    expect(read(target.doc, target.mapId).partners.map(strip)).toEqual(read(doc, mapId).partners.map(strip))
  })

  it('offers a template that imports cleanly', () => {
    const result = readPartnerCsvFile(utf8(partnerCsvTemplate()), NO_MAP)
    expect(result.ok && result.plan.problems).toEqual([])
    expect(result.ok && result.kind === 'partners' && result.plan.partners[0]?.contacts[0]?.email).toBe('asha.patel@oldham.gov.uk')
  })
})
