import { isDirected, type Partner, type Relationship } from '../../../domain/partner'
import type { Translate } from '../../../domain/i18n/catalogue'
import { formatDateIn } from '../../../domain/i18n/format-date'
import type { Locale } from '../../../domain/i18n/locale'
import { downloadBytes, fileNameFor } from '../../download'
import { legendFor, type ColourBy, type Colouring } from './graph-colours'
import { legendLabel } from './legend-label'
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

/** The words a picture is written in: the interface language when it is downloaded. */
export interface PictureLanguage {
  tr: Translate
  locale: Locale
}

export const makeGraphPicture = (snapshot: GraphSnapshot, { tr, locale }: PictureLanguage, now: Date = new Date()): GraphPicture => {
  const nodes = new Map<string, SvgNode>(
    snapshot.partners.map((p) => [p.id, { name: p.name, ...snapshot.position(p.id), colour: snapshot.colouring.colourOf(p) }])
  )
  const edges = snapshot.relationships.flatMap((r) => {
    const from = nodes.get(r.from)
    const to = nodes.get(r.to)
    return from && to ? [{ from, to, width: strokeWidth(r.strength), directed: isDirected(r.type) }] : []
  })
  return {
    title: snapshot.title,
    subtitle: tr('partners.picture.subtitle', { partners: snapshot.partners.length, relationships: edges.length, date: formatDateIn(now, 'long', locale) }),
    nodes: [...nodes.values()],
    edges,
    legend: legendFor(snapshot.colouring, snapshot.partners).map((entry) => ({ ...entry, label: legendLabel(tr, snapshot.colourBy, entry) })),
    legendTitle: tr(snapshot.colourBy === 'type' ? 'partners.picture.legendType' : 'partners.picture.legendRegion')
  }
}

export const downloadGraph = async (snapshot: GraphSnapshot, format: 'svg' | 'png', language: PictureLanguage): Promise<void> => {
  const { svg, width, height } = makeGraphSvg(makeGraphPicture(snapshot, language))
  const fileName = fileNameFor(snapshot.title || language.tr('partners.picture.fileName'), format)
  if (format === 'svg') downloadBytes(new TextEncoder().encode(svg), fileName, 'image/svg+xml')
  else downloadBytes(await svgToPng(svg, width, height), fileName, 'image/png')
}
