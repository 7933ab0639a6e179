import { describe, expect, it } from 'vitest'
import { componentsDependenciesFirst } from '../../../src/domain/dependency-order'

/** Where each node's component comes in the order. */
const positions = <T>(components: T[][]): Map<T, number> => {
  const at = new Map<T, number>()
  components.forEach((component, i) => component.forEach((node) => at.set(node, i)))
  return at
}

const expectDependenciesFirst = <T>(nodes: T[], edges: Map<T, T[]>): T[][] => {
  const components = componentsDependenciesFirst(nodes, edges)
  expect(components.flat().sort()).toEqual([...nodes].sort())
  const at = positions(components)
  for (const [node, targets] of edges) for (const target of targets) expect(at.get(target)!).toBeLessThanOrEqual(at.get(node)!)
  return components
}

describe('componentsDependenciesFirst', () => {
  it('puts a chain in dependency order, whatever order the nodes are listed in', () => {
    const edges = new Map([['c', ['b']], ['b', ['a']]])
    expect(componentsDependenciesFirst(['c', 'a', 'b'], edges)).toEqual([['a'], ['b'], ['c']])
  })

  it('keeps nodes that depend on each other together, after what they depend on', () => {
    const edges = new Map([
      ['x', ['y', 'base']],
      ['y', ['z']],
      ['z', ['x']],
      ['top', ['z']]
    ])
    const components = expectDependenciesFirst(['top', 'x', 'y', 'z', 'base'], edges)
    expect(components.map((c) => [...c].sort())).toEqual([['base'], ['x', 'y', 'z'], ['top']])
  })

  it('orders a diamond and leaves unrelated nodes as components of their own', () => {
    const edges = new Map([
      ['d', ['b', 'c']],
      ['b', ['a']],
      ['c', ['a']]
    ])
    const components = expectDependenciesFirst(['d', 'c', 'b', 'a', 'lone'], edges)
    expect(components).toHaveLength(5)
  })

  it('handles a chain of 200,000 without running out of stack', () => {
    const nodes = Array.from({ length: 200_000 }, (_, i) => i)
    const edges = new Map(nodes.slice(1).map((i) => [i, [i - 1]]))
    const components = componentsDependenciesFirst([...nodes].reverse(), edges)
    expect(components.length).toBe(200_000)
    expect(components[0]).toEqual([0])
    expect(components.at(-1)).toEqual([199_999])
  })
})
