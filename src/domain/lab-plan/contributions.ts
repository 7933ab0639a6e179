import type { TemplateBlock } from '../templates/template'
/*
 * Contributions by council: who wrote and changed which items, from the workspace's history,
 * grouped by council and member for a report's appendix. Alphabetical throughout and with no
 * counts: it records who took part, it is not a league table.
 */

export interface ItemContributors {
  /** How the item reads in the appendix: "Report: Food lab report". */
  label: string
  memberIds: readonly string[]
}

export interface ContributingMember {
  id: string
  name: string
  organisation: string
}

export interface CouncilContributions {
  council: string
  people: { name: string; items: string[] }[]
}

const byText = (a: string, b: string): number => a.localeCompare(b, 'en-GB', { sensitivity: 'base' })

/** Groups items by the council and person of each contributor; unknown members are left out. */
export const contributionsByCouncil = (items: readonly ItemContributors[], members: readonly ContributingMember[]): CouncilContributions[] => {
  const byId = new Map(members.map((m) => [m.id, m]))
  const councils = new Map<string, Map<string, Set<string>>>()
  for (const item of items) {
    for (const memberId of item.memberIds) {
      const member = byId.get(memberId)
      if (!member) continue
      const council = member.organisation.trim() || 'No council given'
      const people = councils.get(council) ?? new Map<string, Set<string>>()
      const name = member.name.trim() || 'Someone'
      people.set(name, (people.get(name) ?? new Set()).add(item.label))
      councils.set(council, people)
    }
  }
  return [...councils.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([council, people]) => ({
      council,
      people: [...people.entries()].sort(([a], [b]) => byText(a, b)).map(([name, labels]) => ({ name, items: [...labels].sort(byText) }))
    }))
}

/** The appendix a report gets: a section heading (level 1, as a report's sections are), a line on what it is, then each council and its people. */
export const contributionsAppendix = (councils: readonly CouncilContributions[]): TemplateBlock[] => [
  { type: 'heading', level: 1, text: 'Appendix: contributions by council' },
  { type: 'paragraph', text: 'Who wrote and changed which items of the lab’s workspace, from its history. It records who took part; it is not a ranking.' },
  ...councils.flatMap((council): TemplateBlock[] => [
    { type: 'heading', level: 2, text: council.council },
    { type: 'bulletList', items: council.people.map((person) => `${person.name}: ${person.items.join('; ')}`) }
  ])
]
