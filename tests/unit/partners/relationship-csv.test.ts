import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { ArtifactId } from '../../../src/domain/ids'
import type { PartnerId } from '../../../src/domain/partner'
import { addPartner } from '../../../src/crdt/partner-map'
import { deletePartnerForGood } from '../../../src/crdt/partner-bin'
import { addRelationship } from '../../../src/crdt/partner-relationships'
import { importRelationships } from '../../../src/crdt/partner-import'
import { readPartnerCsvFile, relationshipsToCsv } from '../../../src/ui/features/partner-map/partner-csv-file'
import { asha, newMap, read } from './support'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** A map with these partners on it, and their ids by name. */
const mapWith = (...names: string[]): { doc: Y.Doc; mapId: ArtifactId; id: (name: string) => PartnerId } => {
  const { doc, mapId } = newMap()
  const ids = new Map(names.map((name, i) => [name, addPartner(doc, mapId, { name }, asha, 10 + i) as PartnerId]))
  return { doc, mapId, id: (name) => ids.get(name) as PartnerId }
}

/** Reads a relationships file against a map; fails the test if it is not read as relationships. */
const planFor = (text: string, doc: Y.Doc, mapId: ArtifactId) => {
  const result = readPartnerCsvFile(utf8(text), read(doc, mapId))
  if (!result.ok || result.kind !== 'relationships') throw new Error(result.ok ? 'read as partners' : result.message)
  return result.plan
}

/** The map's relationships in words, so tests read like the table. */
const described = (doc: Y.Doc, mapId: ArtifactId): string[] => {
  const state = read(doc, mapId)
  const name = (id: string) => state.partners.find((p) => p.id === id)?.name
  return state.relationships.map((r) => `${name(r.from)} ${r.type} ${name(r.to)} (${r.strength}) ${r.note}`.trim()).sort()
}

const NAMES = ['Oldham Council', 'Age UK Oldham', 'Cardiff University', 'Kirklees Council']

describe('importing relationships from CSV', () => {
  it('reads back what "Export relationships CSV" wrote, onto another device’s map of the same partners, once', () => {
    const source = mapWith(...NAMES)
    addRelationship(source.doc, source.mapId, { from: source.id('Oldham Council'), to: source.id('Age UK Oldham'), type: 'funds', strength: 3, note: 'Core grant' }, asha, 20)
    addRelationship(source.doc, source.mapId, { from: source.id('Cardiff University'), to: source.id('Oldham Council'), type: 'informs', strength: 1, note: '' }, asha, 21)
    addRelationship(source.doc, source.mapId, { from: source.id('Kirklees Council'), to: source.id('Oldham Council'), type: 'partners-with' }, asha, 22)
    const csv = relationshipsToCsv(read(source.doc, source.mapId).relationships, read(source.doc, source.mapId).partners)

    const target = mapWith(...[...NAMES].reverse())
    const plan = planFor(csv, target.doc, target.mapId)
    expect(plan.problems).toEqual([])
    expect(plan.relationships).toHaveLength(3)
    let transactions = 0
    target.doc.on('afterTransaction', () => transactions++)
    expect(importRelationships(target.doc, target.mapId, plan.relationships, asha, 30)).toEqual({ added: 3, leftOut: 0 })
    expect(transactions).toBe(1)
    expect(described(target.doc, target.mapId)).toEqual(described(source.doc, source.mapId))

    // The same file again adds nothing.
    const again = planFor(csv, target.doc, target.mapId)
    expect(again).toMatchObject({ relationships: [], alreadyThere: 3, problems: [] })
  })

  it('reads the app’s own wording either way round, in any case, and reports each bad row by line', () => {
    const map = mapWith(...NAMES, 'Twin Town', 'twin town')
    addRelationship(map.doc, map.mapId, { from: map.id('Oldham Council'), to: map.id('Kirklees Council'), type: 'partners-with' }, asha, 20)
    const plan = planFor(
      [
        'from,RELATIONSHIP,to,strength,note,Owner',
        'Age UK Oldham,is funded by,oldham council,strong,Grant,Asha', // line 2: reversed
        'Kirklees Council,Partners with,Oldham Council,,,', // line 3: already there, read either way round
        'Moon Base,Funds,Oldham Council,,,', // line 4: no such partner
        'Oldham Council,sponsors,Age UK Oldham,,,', // line 5: not a relationship
        'Cardiff University,informs,Cardiff University,,,', // line 6: itself
        'Cardiff University,informs,Age UK Oldham,Very,,', // line 7: strength
        'Twin Town,partners with,Oldham Council,,,', // line 8: two partners of that name
        'Cardiff University,"informs,Age UK Oldham,,,' // line 9: a quote never closed
      ].join('\n'),
      map.doc,
      map.mapId
    )
    expect(plan.relationships).toEqual([
      { from: map.id('Oldham Council'), to: map.id('Age UK Oldham'), type: 'funds', strength: 3, note: 'Grant' }
    ])
    expect(plan.alreadyThere).toBe(1)
    expect(plan.ignoredColumns).toEqual(['Owner'])
    expect(plan.problems.map((p) => [p.line, p.reasons.join('; ')])).toEqual([
      [4, 'No partner called “Moon Base” is on the map: add it first'],
      [5, '“sponsors” is not a relationship Mutual knows: use one of Partners with, Funds, Supplies, Represents, Informs, Other'],
      [6, 'A relationship joins two different partners'],
      [7, 'Strength “Very” is not one of Weak, Medium, Strong'],
      [8, '2 partners are called “Twin Town”: rename one so the row can say which'],
      [9, 'A quoted cell is not closed: check the quotation marks on this line']
    ])
  })

  it('says so when a relationships file has no rows', () => {
    const map = mapWith(...NAMES)
    expect(readPartnerCsvFile(utf8('From,Relationship,To\r\n'), read(map.doc, map.mapId))).toEqual({
      ok: false,
      message: 'The file has column names but no rows of relationships.'
    })
  })

  it('leaves out a relationship whose partner was removed after the file was checked', () => {
    const map = mapWith(...NAMES)
    const plan = planFor('From,Relationship,To\nOldham Council,Funds,Age UK Oldham\nKirklees Council,Informs,Cardiff University\n', map.doc, map.mapId)
    deletePartnerForGood(map.doc, map.mapId, map.id('Age UK Oldham'), asha, 40)
    expect(importRelationships(map.doc, map.mapId, plan.relationships, asha, 41)).toEqual({ added: 1, leftOut: 1 })
    expect(described(map.doc, map.mapId)).toEqual(['Kirklees Council informs Cardiff University (2)'])
  })
})
