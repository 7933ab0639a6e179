import { describe, expect, it } from 'vitest'
import { artifactBody, createArtifact, readArtifactSummaries } from '../../../src/crdt/artifacts'
import { appendToReport } from '../../../src/crdt/contributions'
import { readBodyJson } from '../../../src/editor/body-json'
import { contributionsAppendix } from '../../../src/domain/lab-plan/contributions'
import type { ArtifactId } from '../../../src/domain/ids'
import { asha, newPlan } from './support'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'

const english = makeTranslator('en')

const textOf = (node: { text?: string; content?: unknown[] }): string =>
  node.text ?? (node.content ?? []).map((child) => textOf(child as { text?: string; content?: unknown[] })).join('')

describe('contributions as a report appendix', () => {
  it('appends a heading, a note on what it is, and each council with its people to the end of the report', () => {
    const { doc } = newPlan()
    const reportId = createArtifact(doc, { kind: 'report', title: 'Final report' }, asha, 3)
    const councils = [
      { council: 'Oldham Council', people: [{ name: 'Asha Patel', items: ['Lab plan: Lab plan', 'Report: Final report'] }] },
      { council: 'Preston City Council', people: [{ name: 'Ben Okafor', items: ['Note: Workshop 1'] }] }
    ]
    expect(appendToReport(doc, reportId, contributionsAppendix(councils, english), { name: 'Ben Okafor', organisation: 'Preston City Council' }, 9)).toBe(true)
    const blocks = readBodyJson(artifactBody(doc, reportId)!).content ?? []
    expect(blocks.map((b) => [b.type, b.attrs?.level ?? null, textOf(b)])).toEqual([
      ['heading', 1, 'Appendix: contributions by council'],
      ['paragraph', null, expect.stringContaining('it is not a ranking')],
      ['heading', 2, 'Oldham Council'],
      ['bulletList', null, 'Asha Patel: Lab plan: Lab plan; Report: Final report'],
      ['heading', 2, 'Preston City Council'],
      ['bulletList', null, 'Ben Okafor: Note: Workshop 1'],
      ['paragraph', null, '']
    ])
    expect(readArtifactSummaries(doc).find((a) => a.id === reportId)?.updatedBy.name).toBe('Ben Okafor')
  })

  it('writes nothing when the report is not on this device', () => {
    const { doc } = newPlan()
    expect(appendToReport(doc, 'f'.repeat(32) as ArtifactId, contributionsAppendix([], english), asha, 3)).toBe(false)
  })

  it('is written in the language of whoever adds it, and stays so in the report for every reader', () => {
    const { doc } = newPlan()
    const reportId = createArtifact(doc, { kind: 'report', title: 'Adroddiad terfynol' }, asha, 3)
    const councils = [{ council: 'Cyngor Gwynedd', people: [{ name: 'Elin Hughes', items: ['Nodyn: Gweithdy 1'] }] }]
    expect(appendToReport(doc, reportId, contributionsAppendix(councils, makeTranslator('cy')), asha, 9)).toBe(true)
    const blocks = readBodyJson(artifactBody(doc, reportId)!).content ?? []
    expect(blocks.map(textOf)).toEqual([
      'Atodiad: cyfraniadau fesul cyngor',
      expect.stringContaining('nid yw’n eu rhoi mewn trefn'),
      'Cyngor Gwynedd',
      'Elin Hughes: Nodyn: Gweithdy 1',
      ''
    ])
  })
})
