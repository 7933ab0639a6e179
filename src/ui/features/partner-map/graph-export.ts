import { isDirected, type Partner, type Relationship } from '../../../domain/partner'
import { downloadBytes, fileNameFor } from '../../download'
import { legendFor, type ColourBy, type Colouring } from './graph-colours'
import { strokeWidth } from './graph-edges'
import { makeGraphSvg, svgToPng, type GraphPicture, type SvgNode } from './graph-svg'

/** What the export needs from the live graph. */
export interface GraphSnapshot {
  title: string
  partners: readonly Partner[]
  relationships: readonly Relationship[]
  position: (id: string) => { x: number; y: number; radius: number }
  colouring: Colouring
  colourBy: ColourBy
}

export const makeGraphPicture = (snapshot: GraphSnapshot): GraphPicture => {
  const nodes = new Map<string, SvgNode>(
    snapshot.partners.map((p) => [p.id, { name: p.name, ...snapshot.position(p.id), colour: snapshot.colouring.colourOf(p) }])
  )
  const edges = snapshot.relationships.flatMap((r) => {
    const from = nodes.get(r.from)
    const to = nodes.get(r.to)
    return from && to ? [{ from, to, width: strokeWidth(r.strength), directed: isDirected(r.type) }] : []
  })
  const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date())
  return {
    title: snapshot.title,
    subtitle: `${snapshot.partners.length} partners and ${edges.length} relationships · ${date}`,
    nodes: [...nodes.values()],
    edges,
    legend: legendFor(snapshot.colouring, snapshot.partners),
    legendTitle: snapshot.colourBy === 'type' ? 'Type of partner' : 'Region'
  }
}

export const downloadGraph = async (snapshot: GraphSnapshot, format: 'svg' | 'png'): Promise<void> => {
  const { svg, width, height } = makeGraphSvg(makeGraphPicture(snapshot))
  const fileName = fileNameFor(snapshot.title || 'partner map', format)
  if (format === 'svg') downloadBytes(new TextEncoder().encode(svg), fileName, 'image/svg+xml')
  else downloadBytes(await svgToPng(svg, width, height), fileName, 'image/png')
}
