import { describe, expect, it } from 'vitest'
import { NEWCOMER_ANSWERERS, answersNewcomer } from '../../../src/domain/peer-mesh'
import { makeRandom } from '../../fuzz/seeded-random'

const idsOf = (count: number, seed: number): string[] => {
  const random = makeRandom(seed)
  return Array.from({ length: count }, () => Array.from({ length: 4 }, () => random.int(0x10000).toString(16)).join('-'))
}

/** Everyone `from` can reach, itself included: what its presence shows. */
const reachable = (links: Map<string, Set<string>>, from: string): Set<string> => {
  const seen = new Set([from])
  const queue = [from]
  while (queue.length > 0) for (const next of links.get(queue.pop() as string) ?? []) if (!seen.has(next) && seen.add(next)) queue.push(next)
  return seen
}

/**
 * People arriving one at a time, as y-webrtc handles an arrival: the newcomer announces
 * itself, and every device with fewer than `cap` connections dials it (it accepts every
 * connection offered). With `rule`, a full device also dials when answersNewcomer says so.
 */
const joinOneByOne = (ids: readonly string[], cap: number, rule: boolean) => {
  const links = new Map<string, Set<string>>()
  for (const newcomer of ids) {
    const present = [...links.keys()]
    links.set(newcomer, new Set())
    const dialling = present.filter((id) => {
      const mine = links.get(id) as Set<string>
      if (mine.size < cap) return true
      return rule && answersNewcomer(id, newcomer, [...reachable(links, id)].filter((other) => other !== newcomer))
    })
    for (const id of dialling) {
      links.get(id)?.add(newcomer)
      links.get(newcomer)?.add(id)
    }
  }
  const groups = new Set(ids.map((id) => [...reachable(links, id)].sort().join()))
  return { groups: groups.size, maxConnections: Math.max(...[...links.values()].map((s) => s.size)) }
}

describe('answering a device the group cannot reach', () => {
  it('is done by the same few devices of a group, whoever of them decides', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const [newcomer, ...group] = idsOf(1 + 2 + (seed % 30), seed) as [string, ...string[]]
      const answering = group.filter((self) => answersNewcomer(self, newcomer, group))
      expect(answering, `seed ${seed}`).toHaveLength(Math.min(NEWCOMER_ANSWERERS, group.length))
      // A device that has not yet seen some of the group answers at least as readily.
      for (const self of group) {
        if (answering.includes(self)) expect(answersNewcomer(self, newcomer, group.slice(0, 2).concat(self))).toBe(true)
      }
    }
  })

  it('is not done for a device the group already reaches, or for itself', () => {
    const [a, b, c] = idsOf(3, 7) as [string, string, string]
    expect(answersNewcomer(a, b, [a, b, c])).toBe(false)
    expect(answersNewcomer(a, a, [a, c])).toBe(false)
    expect(answersNewcomer(a, b, [a, c])).toBe(true)
  })

  it('keeps a room whose people arrive one by one in one piece, with few connections each', () => {
    for (const people of [10, 18, 27, 30, 40]) {
      const ids = idsOf(people, people)
      // Without the rule, a capped mesh splits into groups that never meet.
      expect(joinOneByOne(ids, 8, false).groups, `${people} people without the rule`).toBeGreaterThan(1)
      const withRule = joinOneByOne(ids, 8, true)
      expect(withRule.groups, `${people} people`).toBe(1)
      expect(withRule.maxConnections, `${people} people`).toBeLessThanOrEqual(8 + 3 * NEWCOMER_ANSWERERS)
    }
  })
})
