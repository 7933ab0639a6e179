import type { ArtifactKind } from '../artifact'
import { appTitleKeys } from '../app-written-titles'
import { appWordsIn } from '../i18n/app-words'
import type { Translate } from '../i18n/catalogue'
import type { TemplateBlock } from '../templates/template'
/*
 * Contributions by council: who wrote and changed which items, from the workspace's history,
 * grouped by council and member for a report's appendix. Alphabetical throughout and with no
 * counts: it records who took part, it is not a league table.
 *
 * Mutual's own words in it (an item's kind, "Untitled", the appendix's heading) are written in
 * the language `tr` speaks: on screen the reader's, and in a report the writer's at the moment
 * the appendix is added. The appendix is then ordinary text of the report, which every reader
 * sees as it was written, like the rest of the writer's words.
 */

export interface ItemContributors {
  kind: ArtifactKind
  /** The item's title as stored ("" when it has none). */
  title: string
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

/** How an item reads in the list: "Report: Food lab report" (a title Mutual gave it, or none, in `tr`'s language). */
export const contributedItemLabel = (item: Pick<ItemContributors, 'kind' | 'title'>, tr: Translate): string =>
  tr('labPlan.contributions.item', {
    kind: tr(`kind.${item.kind}.one`),
    title: item.title ? (appWordsIn(item.title, appTitleKeys(item.kind), tr) ?? item.title) : tr('common.untitled')
  })

/** Groups items by the council and person of each contributor; unknown members are left out. */
export const contributionsByCouncil = (items: readonly ItemContributors[], members: readonly ContributingMember[], tr: Translate): CouncilContributions[] => {
  const byId = new Map(members.map((m) => [m.id, m]))
  const councils = new Map<string, Map<string, Set<string>>>()
  for (const item of items) {
    const label = contributedItemLabel(item, tr)
    for (const memberId of item.memberIds) {
      const member = byId.get(memberId)
      if (!member) continue
      const council = member.organisation.trim() || tr('labPlan.contributions.noCouncil')
      const people = councils.get(council) ?? new Map<string, Set<string>>()
      const name = member.name.trim() || tr('labPlan.someone')
      people.set(name, (people.get(name) ?? new Set()).add(label))
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

/**
 * The appendix a report gets: a section heading (level 1, as a report's sections are), a line on
 * what it is, then each council and its people. Its words are stored in the report in the
 * language `tr` speaks (the writer's, when they add it), and do not change for other readers.
 */
export const contributionsAppendix = (councils: readonly CouncilContributions[], tr: Translate): TemplateBlock[] => [
  { type: 'heading', level: 1, text: tr('labPlan.contributions.appendixHeading') },
  { type: 'paragraph', text: tr('labPlan.contributions.appendixNote') },
  ...councils.flatMap((council): TemplateBlock[] => [
    { type: 'heading', level: 2, text: council.council },
    { type: 'bulletList', items: council.people.map((person) => tr('labPlan.contributions.person', { name: person.name, items: person.items.join('; ') })) }
  ])
]
