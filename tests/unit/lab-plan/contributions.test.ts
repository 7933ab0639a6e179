import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { artifactBody, createArtifact } from '../../../src/crdt/artifacts'
import { attachAuthorship } from '../../../src/crdt/authorship'
import { readItemContributors } from '../../../src/crdt/contributions'
import { addPlanRow } from '../../../src/crdt/lab-plan-rows'
import { createLabPlan } from '../../../src/crdt/lab-plan'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { contributionsByCouncil } from '../../../src/domain/lab-plan/contributions'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'

const english = makeTranslator('en')
const welsh = makeTranslator('cy')

const paragraph = (text: string): Y.XmlElement => {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  return p
}

const members = [
  { id: 'ann', name: 'Ann Shaw', organisation: 'Oldham Council' },
  { id: 'bob', name: 'Bob Lee', organisation: 'Preston City Council' },
  { id: 'cat', name: 'Cat Wood', organisation: 'Oldham Council' }
]

describe('contributions by council', () => {
  it('are counted from authorship: who inserted or deleted in each item, grouped by council and member', async () => {
    const ann = makeWorkspaceDoc(makeWorkspaceId())
    attachAuthorship(ann, 'ann')
    const report = createArtifact(ann, { kind: 'report', title: 'Food lab report' }, { name: 'Ann Shaw', organisation: 'Oldham Council' }, 1)
    ann.transact(() => artifactBody(ann, report)?.insert(0, [paragraph('Findings.')]))

    const bob = new Y.Doc({ gc: false })
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(ann))
    attachAuthorship(bob, 'bob')
    const plan = createLabPlan(bob, { title: 'Lab plan' }, { name: 'Bob Lee', organisation: 'Preston City Council' }, 2)
    addPlanRow(bob, plan, 'budget', { item: 'Info-video', planned: 400_000 }, { name: 'Bob Lee', organisation: 'Preston City Council' }, 3)

    const cat = new Y.Doc({ gc: false })
    Y.applyUpdate(cat, Y.encodeStateAsUpdate(bob))
    attachAuthorship(cat, 'cat')
    cat.transact(() => artifactBody(cat, report)?.delete(0, 1))
    // PermanentUserData records deletions on a timer after the transaction.
    await new Promise((resolve) => setTimeout(resolve, 0))

    const items = readItemContributors(cat)
    expect(items.map((i) => [i.kind, i.title, [...i.memberIds].sort()]).sort()).toEqual([
      ['lab-plan', 'Lab plan', ['bob']],
      ['report', 'Food lab report', ['ann', 'cat']]
    ])
    expect(contributionsByCouncil(items, members, english)).toEqual([
      {
        council: 'Oldham Council',
        people: [
          { name: 'Ann Shaw', items: ['Report: Food lab report'] },
          { name: 'Cat Wood', items: ['Report: Food lab report'] }
        ]
      },
      { council: 'Preston City Council', people: [{ name: 'Bob Lee', items: ['Lab plan: Lab plan'] }] }
    ])
  })

  it('leaves out writers who are not members, and lists councils alphabetically, not by how much they did', () => {
    const grouped = contributionsByCouncil(
      [
        { kind: 'note', title: 'A', memberIds: ['bob', 'ghost'] },
        { kind: 'note', title: 'B', memberIds: ['bob'] },
        { kind: 'note', title: 'C', memberIds: ['ann'] }
      ],
      members,
      english
    )
    expect(grouped.map((g) => g.council)).toEqual(['Oldham Council', 'Preston City Council'])
    expect(grouped[1]?.people).toEqual([{ name: 'Bob Lee', items: ['Note: A', 'Note: B'] }])
  })

  it('are worded in the reader’s language: the kind, a title Mutual gave, "Untitled", a member with no council', () => {
    const grouped = contributionsByCouncil(
      [
        { kind: 'report', title: '', memberIds: ['ann'] },
        { kind: 'lab-plan', title: 'Lab plan', memberIds: ['ann'] },
        { kind: 'note', title: 'Gweithdy 1', memberIds: ['dai'] }
      ],
      [...members, { id: 'dai', name: 'Dai Jones', organisation: '' }],
      welsh
    )
    expect(grouped).toEqual([
      { council: 'Dim cyngor wedi’i nodi', people: [{ name: 'Dai Jones', items: ['Nodyn: Gweithdy 1'] }] },
      { council: 'Oldham Council', people: [{ name: 'Ann Shaw', items: ['Adroddiad: Heb deitl', 'Cynllun labordy: Cynllun labordy'] }] }
    ])
  })
})
