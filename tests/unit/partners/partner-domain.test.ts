import { describe, expect, it } from 'vitest'
import {
  ContactFieldsSchema,
  PartnerFieldsSchema,
  changedFields,
  validateFields,
  type Partner,
  type ItemId,
  type Relationship
} from '../../../src/domain/partner'
import {
  NO_FILTER,
  filterPartners,
  regionsInUse,
  relationshipCounts,
  relationshipsAmong,
  sortPartners
} from '../../../src/domain/partner-view'
import { matchOffersAndNeeds } from '../../../src/domain/partner-matching'
import { makePartner, testId } from './support'

const id = testId
const partner = makePartner

const fields = { name: 'Oldham Council', type: 'council', region: '', role: 'lead', status: 'committed', website: '', notes: '' }

describe('partner fields', () => {
  it('normalises a web address without a scheme and rejects what is not one', () => {
    expect(PartnerFieldsSchema.parse({ ...fields, website: 'www.oldham.gov.uk' }).website).toBe('https://www.oldham.gov.uk/')
    expect(PartnerFieldsSchema.parse({ ...fields, website: 'http://example.org/x' }).website).toBe('http://example.org/x')
    for (const bad of ['javascript:alert(1)', 'not a site', 'ftp://example.org', 'localhost'])
      expect(validateFields(PartnerFieldsSchema, { ...fields, website: bad })).toEqual({
        ok: false,
        errors: { website: 'Enter a web address like www.example.org' }
      })
  })

  it('checks contacts’ email and phone, allowing both to be empty', () => {
    expect(ContactFieldsSchema.safeParse({ name: 'Pat', jobTitle: '', email: '', phone: '' }).success).toBe(true)
    expect(ContactFieldsSchema.safeParse({ name: 'Pat', jobTitle: '', email: 'pat@x.org', phone: '+44 (0)161 770 3000 ext 12' }).success).toBe(true)
    const result = validateFields(ContactFieldsSchema, { name: '', jobTitle: '', email: 'pat@', phone: '12' })
    expect(result).toEqual({
      ok: false,
      errors: {
        name: 'Enter the contact’s name',
        email: 'Enter an email address like name@example.org',
        phone: 'Enter a phone number like 0161 770 3000'
      }
    })
  })

  it('reports only the fields a person changed against what the form started from', () => {
    const base = { name: 'A', region: 'North', notes: '' }
    expect(changedFields(base, { name: 'A', region: 'North of England', notes: '' })).toEqual({ region: 'North of England' })
    expect(changedFields(base, { ...base })).toEqual({})
  })
})

describe('filtering and sorting', () => {
  const oldham = partner('Oldham Council', { type: 'council', region: 'North of England', role: 'lead', status: 'committed' })
  const age = partner('Age UK', { type: 'vcse', region: 'north of england ', role: 'supporter', status: 'interested', contacts: [{ id: id() as ItemId, name: 'Rosa Green', jobTitle: 'Director', email: '', phone: '', createdAt: 0 }] })
  const cardiff = partner('Cardiff University', { type: 'university', region: 'Wales & Midlands', role: 'partner', status: 'contacted' })
  const bank = partner('Bank', { type: 'business' })
  const all = [oldham, age, cardiff, bank]

  it('filters by type, region (any spelling), role, status and words, all together', () => {
    expect(filterPartners(all, NO_FILTER)).toEqual(all)
    expect(filterPartners(all, { ...NO_FILTER, region: 'north of england' }).map((p) => p.name)).toEqual(['Oldham Council', 'Age UK'])
    expect(filterPartners(all, { ...NO_FILTER, region: 'north of england', type: 'vcse' }).map((p) => p.name)).toEqual(['Age UK'])
    expect(filterPartners(all, { ...NO_FILTER, role: 'partner' }).map((p) => p.name)).toEqual(['Cardiff University'])
    expect(filterPartners(all, { ...NO_FILTER, status: 'committed' }).map((p) => p.name)).toEqual(['Oldham Council'])
    expect(filterPartners(all, { ...NO_FILTER, text: 'rosa director' }).map((p) => p.name)).toEqual(['Age UK'])
    expect(filterPartners(all, { ...NO_FILTER, text: 'rosa nobody' })).toEqual([])
  })

  it('lists regions once each with the most used spelling', () => {
    const third = partner('X', { region: 'North of England' })
    expect(regionsInUse([...all, third])).toEqual([
      { key: 'north of england', label: 'North of England', count: 3 },
      { key: 'wales & midlands', label: 'Wales & Midlands', count: 1 }
    ])
  })

  it('sorts roles and statuses in their natural order, regions A to Z with blanks last, both ways', () => {
    const byRole = sortPartners(all, { key: 'role', direction: 'ascending' }).map((p) => p.name)
    expect(byRole).toEqual(['Oldham Council', 'Cardiff University', 'Age UK', 'Bank'])
    expect(sortPartners(all, { key: 'role', direction: 'descending' }).map((p) => p.name)).toEqual([...byRole].reverse())
    expect(sortPartners(all, { key: 'status', direction: 'ascending' }).map((p) => p.status)).toEqual(['not-contacted', 'contacted', 'interested', 'committed'])
    expect(sortPartners(all, { key: 'region', direction: 'ascending' }).map((p) => p.name)).toEqual(['Age UK', 'Oldham Council', 'Cardiff University', 'Bank'])
    expect(sortPartners(all, { key: 'name', direction: 'ascending' }).map((p) => p.name)).toEqual(['Age UK', 'Bank', 'Cardiff University', 'Oldham Council'])
  })

  it('counts and keeps only relationships between shown partners', () => {
    const rel = (from: Partner, to: Partner): Relationship => ({ id: id() as ItemId, from: from.id, to: to.id, type: 'funds', note: '', strength: 2, createdAt: 0 })
    const rels = [rel(oldham, age), rel(oldham, cardiff), rel(bank, oldham)]
    expect(relationshipsAmong(rels, [oldham, age])).toEqual([rels[0]])
    const counts = relationshipCounts(rels)
    expect(counts.get(oldham.id)).toBe(3)
    expect(sortPartners(all, { key: 'relationships', direction: 'descending' }, (pid) => counts.get(pid) ?? 0)[0]).toBe(oldham)
  })
})

describe('matching offers with needs', () => {
  it('pairs each need with other partners’ offers of the same kind, closest wording first', () => {
    const item = (category: 'venues' | 'data' | 'funding', detail: string) => ({ id: id() as ItemId, category, detail, createdAt: 0 })
    const library = partner('Leeds Library', { offers: [item('venues', 'Meeting rooms in Leeds'), item('data', 'Footfall')] })
    const hall = partner('Sports Hall', { offers: [item('venues', 'Sports hall')] })
    const lab = partner('Lab', { needs: [item('venues', 'A meeting room for workshops'), item('funding', 'Evaluation')], offers: [item('venues', 'Our own room')] })
    const matches = matchOffersAndNeeds([library, hall, lab])
    expect(matches.map((m) => [m.category, m.need.partnerName, m.offers.map((o) => o.partnerName)])).toEqual([
      ['venues', 'Lab', ['Leeds Library', 'Sports Hall']],
      ['funding', 'Lab', []]
    ])
    expect(matches[0]?.offers[0]?.sharedWords).toEqual(['meeting', 'room'])
  })
})
