import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum
} from 'd3-force'

/*
 * The partner graph's force layout, kept apart from rendering so it can be stepped in time
 * slices (the page stays responsive with hundreds of partners) and tested without a browser.
 * It lays out ALL partners: a filter only hides nodes, so the picture keeps its shape and
 * people keep their bearings. Starting points come from the partner ids and the simulation's
 * randomness is seeded, so two devices with the same map draw the same picture.
 */

export interface LayoutNode extends SimulationNodeDatum {
  id: string
  radius: number
  x: number
  y: number
}

export interface LayoutEdge {
  from: string
  to: string
}

/** A number in [0, 1) from a string: stable starting points for nodes. */
const hashUnit = (text: string, salt: number): number => {
  let h = 2166136261 ^ salt
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return ((h >>> 0) % 1_000_003) / 1_000_003
}

/** A small seeded generator for d3-force's jiggle (used only when two nodes coincide). */
const seeded = (seed: number) => () => {
  seed = (seed * 1664525 + 1013904223) >>> 0
  return seed / 0x1_0000_0000
}

/** Node size grows with the number of relationships, within limits. */
export const nodeRadius = (degree: number): number => 7 + Math.min(9, Math.sqrt(degree) * 2.5)

export interface GraphLayout {
  /** Brings the layout in line with the partners and relationships; returns true if it changed. */
  update(ids: readonly string[], edges: readonly LayoutEdge[]): boolean
  /** Runs ticks for up to `budgetMs`; true while the layout is still settling. */
  step(budgetMs: number): boolean
  /** Runs to the end (for exports and tests). */
  settle(): void
  position(id: string): { x: number; y: number; radius: number } | undefined
  settling(): boolean
  destroy(): void
}

export const makeGraphLayout = (): GraphLayout => {
  const nodes = new Map<string, LayoutNode>()
  const simulation = forceSimulation<LayoutNode>([])
    .randomSource(seeded(20260105))
    .force('charge', forceManyBody<LayoutNode>().strength(-90).distanceMax(420).theta(0.9))
    .force('link', forceLink<LayoutNode, SimulationLinkDatum<LayoutNode>>([]).id((d) => d.id).distance(90))
    .force('x', forceX<LayoutNode>(0).strength(0.05))
    .force('y', forceY<LayoutNode>(0).strength(0.05))
    .force('collide', forceCollide<LayoutNode>((d) => d.radius + 3))
    .stop()
  let signature = ''

  const startingPoint = (id: string, neighbour: LayoutNode | undefined, count: number): { x: number; y: number } => {
    const angle = hashUnit(id, 1) * Math.PI * 2
    if (neighbour) return { x: neighbour.x + Math.cos(angle) * 40, y: neighbour.y + Math.sin(angle) * 40 }
    const spread = 30 * Math.sqrt(Math.max(count, 1))
    const distance = Math.sqrt(hashUnit(id, 2)) * spread
    return { x: Math.cos(angle) * distance, y: Math.sin(angle) * distance }
  }

  return {
    update(ids, edges) {
      const sortedIds = [...ids].sort()
      const known = new Set(sortedIds)
      const validEdges = edges.filter((e) => known.has(e.from) && known.has(e.to) && e.from !== e.to)
      const nextSignature = `${sortedIds.join(',')}|${validEdges.map((e) => `${e.from}>${e.to}`).sort().join(',')}`
      if (nextSignature === signature) return false
      const firstTime = nodes.size === 0
      signature = nextSignature
      const degree = new Map<string, number>()
      const neighbours = new Map<string, string[]>()
      for (const e of validEdges) {
        degree.set(e.from, (degree.get(e.from) ?? 0) + 1)
        degree.set(e.to, (degree.get(e.to) ?? 0) + 1)
        neighbours.set(e.from, [...(neighbours.get(e.from) ?? []), e.to])
        neighbours.set(e.to, [...(neighbours.get(e.to) ?? []), e.from])
      }
      for (const id of [...nodes.keys()]) if (!known.has(id)) nodes.delete(id)
      for (const id of sortedIds) {
        const existing = nodes.get(id)
        if (existing) {
          existing.radius = nodeRadius(degree.get(id) ?? 0)
          continue
        }
        // A newcomer starts beside a partner it relates to, so the picture changes least.
        const placed = (neighbours.get(id) ?? []).map((n) => nodes.get(n)).find(Boolean)
        nodes.set(id, { id, radius: nodeRadius(degree.get(id) ?? 0), ...startingPoint(id, placed, sortedIds.length) })
      }
      const list = sortedIds.map((id) => nodes.get(id) as LayoutNode)
      simulation.nodes(list)
      simulation.force<ReturnType<typeof forceLink<LayoutNode, SimulationLinkDatum<LayoutNode>>>>('link')?.links(
        validEdges.map((e) => ({ source: e.from, target: e.to }))
      )
      // Big maps settle in fewer, bolder steps (about 150 ticks instead of 300).
      simulation.alphaDecay(sortedIds.length > 150 ? 0.045 : 0.0228)
      simulation.alpha(firstTime ? 1 : Math.max(simulation.alpha(), 0.3))
      return true
    },
    step(budgetMs) {
      const started = performance.now()
      while (simulation.alpha() >= simulation.alphaMin()) {
        simulation.tick()
        if (performance.now() - started >= budgetMs) break
      }
      return simulation.alpha() >= simulation.alphaMin()
    },
    settle() {
      while (simulation.alpha() >= simulation.alphaMin()) simulation.tick()
    },
    position(id) {
      const node = nodes.get(id)
      return node ? { x: node.x, y: node.y, radius: node.radius } : undefined
    },
    settling: () => simulation.alpha() >= simulation.alphaMin(),
    destroy() {
      simulation.stop()
      nodes.clear()
    }
  }
}

export interface Bounds {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

/** The box around some nodes (with their radius), or null for none. */
export const boundsOf = (points: readonly { x: number; y: number; radius: number }[]): Bounds | null => {
  if (points.length === 0) return null
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const p of points) {
    minX = Math.min(minX, p.x - p.radius)
    minY = Math.min(minY, p.y - p.radius)
    maxX = Math.max(maxX, p.x + p.radius)
    maxY = Math.max(maxY, p.y + p.radius)
  }
  return { minX, minY, maxX, maxY }
}

/** Where a line between two circles should start and end: at their rims, not their centres. */
export const edgeEnds = (
  a: { x: number; y: number; radius: number },
  b: { x: number; y: number; radius: number },
  arrowGap = 0
): { x1: number; y1: number; x2: number; y2: number } => {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const length = Math.hypot(dx, dy) || 1
  const ux = dx / length
  const uy = dy / length
  return {
    x1: a.x + ux * a.radius,
    y1: a.y + uy * a.radius,
    x2: b.x - ux * (b.radius + arrowGap),
    y2: b.y - uy * (b.radius + arrowGap)
  }
}
