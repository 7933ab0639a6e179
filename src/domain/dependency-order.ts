/**
 * Orders nodes so that each comes after everything it depends on. Nodes that depend on each
 * other, directly or round a cycle, cannot be ordered: they come out together, as one group.
 *
 * This is Tarjan's strongly connected components algorithm, which emits each component only
 * after every component it can reach: with edges pointing at what a node depends on, that is
 * dependencies first. It is written without recursion, so a long chain of dependencies (years
 * of sittings, each building on the last) cannot overflow the stack. Linear in nodes and edges.
 * It is small enough not to warrant a graph library in the bundle.
 */
export const componentsDependenciesFirst = <T>(nodes: readonly T[], dependsOn: ReadonlyMap<T, readonly T[]>): T[][] => {
  const indexOf = new Map<T, number>()
  const lowest = new Map<T, number>()
  const open: T[] = []
  const isOpen = new Set<T>()
  const components: T[][] = []
  let nextIndex = 0

  const visit = (node: T): void => {
    indexOf.set(node, nextIndex)
    lowest.set(node, nextIndex)
    nextIndex++
    open.push(node)
    isOpen.add(node)
  }
  const lower = (node: T, to: number): void => {
    if (to < (lowest.get(node) ?? to)) lowest.set(node, to)
  }

  for (const root of nodes) {
    if (indexOf.has(root)) continue
    visit(root)
    const path: Array<{ node: T; nextEdge: number }> = [{ node: root, nextEdge: 0 }]
    for (let frame = path.at(-1); frame; frame = path.at(-1)) {
      const edges = dependsOn.get(frame.node) ?? []
      if (frame.nextEdge < edges.length) {
        const target = edges[frame.nextEdge++] as T
        const targetIndex = indexOf.get(target)
        if (targetIndex === undefined) {
          visit(target)
          path.push({ node: target, nextEdge: 0 })
        } else if (isOpen.has(target)) {
          lower(frame.node, targetIndex)
        }
        continue
      }
      path.pop()
      const nodeLowest = lowest.get(frame.node) ?? 0
      const caller = path.at(-1)
      if (caller) lower(caller.node, nodeLowest)
      if (nodeLowest === indexOf.get(frame.node)) {
        const component: T[] = []
        let member: T | undefined
        do {
          member = open.pop()
          if (member === undefined) break
          isOpen.delete(member)
          component.push(member)
        } while (member !== frame.node)
        components.push(component)
      }
    }
  }
  return components
}
