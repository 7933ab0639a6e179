import { edgeEnds } from './graph-layout'

/*
 * Edges drawn as a handful of <path>s (one per line width, one for all arrowheads) instead of
 * one element per relationship: a map with 1,500 relationships redraws in one string build
 * per frame instead of 6,000 attribute updates. Edges are decoration (the table lists them
 * in words), so nothing is lost for assistive technology.
 */

export interface EdgeToDraw {
  from: { x: number; y: number; radius: number }
  to: { x: number; y: number; radius: number }
  width: number
  directed: boolean
}

export interface EdgePaths {
  /** Line width → path data of every edge of that width. */
  lines: { width: number; d: string }[]
  /** Filled triangles at the `to` end of directed edges. */
  arrows: string
}

const ARROW_LENGTH = 9
const ARROW_HALF_WIDTH = 4.5
const r1 = (n: number): string => (Math.round(n * 10) / 10).toString()

export const strokeWidth = (strength: number): number => (strength === 3 ? 3.5 : strength === 2 ? 2 : 1)

export const makeEdgePaths = (edges: Iterable<EdgeToDraw>): EdgePaths => {
  const byWidth = new Map<number, string[]>()
  const arrows: string[] = []
  for (const edge of edges) {
    const ends = edgeEnds(edge.from, edge.to, edge.directed ? ARROW_LENGTH - 1 : 0)
    const parts = byWidth.get(edge.width) ?? []
    parts.push(`M${r1(ends.x1)} ${r1(ends.y1)}L${r1(ends.x2)} ${r1(ends.y2)}`)
    byWidth.set(edge.width, parts)
    if (!edge.directed) continue
    const tip = edgeEnds(edge.from, edge.to, 0)
    const dx = tip.x2 - tip.x1
    const dy = tip.y2 - tip.y1
    const length = Math.hypot(dx, dy) || 1
    const ux = dx / length
    const uy = dy / length
    const bx = tip.x2 - ux * ARROW_LENGTH
    const by = tip.y2 - uy * ARROW_LENGTH
    arrows.push(
      `M${r1(tip.x2)} ${r1(tip.y2)}L${r1(bx - uy * ARROW_HALF_WIDTH)} ${r1(by + ux * ARROW_HALF_WIDTH)}L${r1(bx + uy * ARROW_HALF_WIDTH)} ${r1(by - ux * ARROW_HALF_WIDTH)}Z`
    )
  }
  return {
    lines: [...byWidth.entries()].sort((a, b) => a[0] - b[0]).map(([width, d]) => ({ width, d: d.join('') })),
    arrows: arrows.join('')
  }
}
