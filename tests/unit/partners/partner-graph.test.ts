import { describe, expect, it } from 'vitest'
import { makeGraphLayout, boundsOf, edgeEnds } from '../../../src/ui/features/partner-map/graph-layout'
import { legendFor, makeColouring } from '../../../src/ui/features/partner-map/graph-colours'
import { makeEdgePaths } from '../../../src/ui/features/partner-map/graph-edges'
import { makeGraphSvg } from '../../../src/ui/features/partner-map/graph-svg'
import { RELATIONSHIP_PHRASES, phraseFor, type Partner, type PartnerId } from '../../../src/domain/partner'
import { makePartner } from './support'

const id = (n: number): string => n.toString(16).padStart(32, '0')
const ids = Array.from({ length: 40 }, (_, i) => id(i + 1))
const edges = ids.slice(1).map((to, i) => ({ from: ids[Math.floor(i / 3)] as string, to }))

const settledPositions = (order: string[]) => {
  const layout = makeGraphLayout()
  layout.update(order, edges)
  layout.settle()
  return Object.fromEntries(ids.map((i) => [i, layout.position(i)]))
}

describe('graph layout', () => {
  it('draws the same picture on every device, whatever order the partners arrive in', () => {
    const first = settledPositions(ids)
    const second = settledPositions([...ids].reverse())
    expect(second).toEqual(first)
  })

  it('spreads partners apart and keeps related partners nearer than unrelated ones', () => {
    const at = settledPositions(ids)
    const distance = (a: string, b: string) => Math.hypot((at[a]?.x ?? 0) - (at[b]?.x ?? 0), (at[a]?.y ?? 0) - (at[b]?.y ?? 0))
    for (const a of ids) for (const b of ids) if (a < b) expect(distance(a, b)).toBeGreaterThan(5)
    const linked = edges.map((e) => distance(e.from, e.to))
    const average = linked.reduce((n, d) => n + d, 0) / linked.length
    const all = ids.flatMap((a) => ids.filter((b) => a < b).map((b) => distance(a, b)))
    expect(average).toBeLessThan(all.reduce((n, d) => n + d, 0) / all.length)
  })

  it('keeps placed partners where they are when one is added, and places it by a neighbour', () => {
    const layout = makeGraphLayout()
    layout.update(ids, edges)
    layout.settle()
    const before = layout.position(ids[5] as string)
    const newcomer = id(999)
    expect(layout.update([...ids, newcomer], [...edges, { from: ids[5] as string, to: newcomer }])).toBe(true)
    const placed = layout.position(newcomer)
    expect(Math.hypot((placed?.x ?? 0) - (before?.x ?? 0), (placed?.y ?? 0) - (before?.y ?? 0))).toBeLessThan(60)
    // Nothing changed: no new layout work.
    expect(layout.update([...ids, newcomer], [...edges, { from: ids[5] as string, to: newcomer }])).toBe(false)
    // Edges to partners it does not know (a relationship that arrived first) are ignored.
    expect(() => layout.update(ids, [...edges, { from: ids[0] as string, to: id(12345) }])).not.toThrow()
  })

  it('draws all edges as one path per line width, with an arrowhead per directed edge', () => {
    const node = (x: number) => ({ x, y: 0, radius: 5 })
    const paths = makeEdgePaths([
      { from: node(0), to: node(100), width: 1, directed: true },
      { from: node(0), to: node(0 - 100), width: 1, directed: false },
      { from: node(100), to: node(200), width: 3.5, directed: false }
    ])
    expect(paths.lines).toEqual([
      { width: 1, d: 'M5 0L87 0M-5 0L-95 0' },
      { width: 3.5, d: 'M105 0L195 0' }
    ])
    expect(paths.arrows).toBe('M95 0L86 4.5L86 -4.5Z')
    expect(makeEdgePaths([])).toEqual({ lines: [], arrows: '' })
  })

  it('ends edges at the rim of each node', () => {
    expect(edgeEnds({ x: 0, y: 0, radius: 10 }, { x: 100, y: 0, radius: 5 }, 3)).toEqual({ x1: 10, y1: 0, x2: 92, y2: 0 })
    expect(boundsOf([])).toBeNull()
  })
})

const partner = (name: string, type: Partner['type'], region: string): Partner => makePartner(name, { type, region })

describe('graph colours and export', () => {
  const partners = [
    partner('Oldham Council', 'council', 'North of England'),
    partner('Leeds', 'council', 'north of england'),
    partner('Cardiff University', 'university', 'Wales & Midlands'),
    partner('No Region Ltd', 'business', '')
  ]

  it('colours by type with a fixed colour per type, or by region with one colour per region', () => {
    const byType = makeColouring('type', partners)
    expect(byType.legend.map((e) => [e.label, e.count])).toEqual([['Council', 2], ['University', 1], ['Business', 1]])
    expect(byType.colourOf(partners[0] as Partner)).toBe(byType.colourOf(partners[1] as Partner))
    const byRegion = makeColouring('region', partners)
    expect(byRegion.legend.map((e) => [e.label, e.count])).toEqual([['North of England', 2], ['Wales & Midlands', 1], ['No region', 1]])
    expect(legendFor(byRegion, partners.slice(2)).map((e) => [e.label, e.count])).toEqual([['Wales & Midlands', 1], ['No region', 1]])
  })

  it('writes a self-contained SVG with the names escaped', () => {
    const node = (name: string, x: number) => ({ name, x, y: 0, radius: 8, colour: '#4e79a7' })
    const a = node('Smith & Sons <Ltd>', 0)
    const b = node('"Quoted" Trust', 100)
    const { svg, width, height } = makeGraphSvg({
      title: 'Partners & friends',
      subtitle: '2 partners',
      nodes: [a, b],
      edges: [{ from: a, to: b, width: 2, directed: true }],
      legend: [{ key: 'council', label: 'Council', colour: '#4e79a7', count: 2 }],
      legendTitle: 'Type of partner'
    })
    expect(svg).toContain('>Smith &amp; Sons &lt;Ltd&gt;</text>')
    expect(svg).toContain('>&quot;Quoted&quot; Trust</text>')
    expect(svg).toContain('<title id="title">Partners &amp; friends</title>')
    expect(svg).toContain('fill="#4b5563"')
    expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:|@font-face|@import|<image|href=/)
    expect(width).toBeGreaterThan(400)
    expect(height).toBeGreaterThan(100)
  })

  it('reads relationships from either side', () => {
    const rel = { type: 'funds' as const, from: id(1) as PartnerId, to: id(2) as PartnerId }
    expect(phraseFor(rel, id(1)).label).toBe('funds')
    expect(phraseFor(rel, id(2)).label).toBe('is funded by')
    expect(phraseFor({ ...rel, type: 'partners-with' }, id(2)).label).toBe('partners with')
    expect(new Set(RELATIONSHIP_PHRASES.map((p) => p.value)).size).toBe(RELATIONSHIP_PHRASES.length)
  })
})
