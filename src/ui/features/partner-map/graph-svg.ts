import { partnerPictureEn } from '../../../domain/i18n/areas/partner-picture.en'
import { makeEdgePaths } from './graph-edges'
import { boundsOf } from './graph-layout'
import type { LegendEntry } from './graph-colours'

/*
 * The graph as a standalone SVG file: everything inline (no stylesheet, no external font, no
 * link to anything), so it opens the same in a browser, a slide deck or a report. The PNG
 * export draws this same SVG onto a canvas.
 */

export interface SvgNode {
  name: string
  x: number
  y: number
  radius: number
  colour: string
}

export interface SvgEdge {
  from: SvgNode
  to: SvgNode
  width: number
  directed: boolean
}

export interface GraphPicture {
  title: string
  subtitle: string
  nodes: readonly SvgNode[]
  edges: readonly SvgEdge[]
  legend: readonly LegendEntry[]
  legendTitle: string
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

export const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)

const round = (n: number): string => String(Math.round(n * 10) / 10)

/** Builds the SVG text; returns its size too (the PNG is drawn at a multiple of it). */
export const makeGraphSvg = (picture: GraphPicture): { svg: string; width: number; height: number } => {
  const margin = 24
  const header = 64
  const legendRow = 22
  const bounds = boundsOf(picture.nodes) ?? { minX: 0, minY: 0, maxX: 400, maxY: 200 }
  // Names sit under the nodes; leave room for them at the edges.
  const graphWidth = Math.max(bounds.maxX - bounds.minX + 160, 480)
  const graphHeight = bounds.maxY - bounds.minY + 40
  const legendHeight = 28 + Math.ceil(picture.legend.length / 3) * legendRow
  const width = Math.ceil(graphWidth + margin * 2)
  const height = Math.ceil(header + graphHeight + legendHeight + margin * 2)
  const dx = margin + 80 - bounds.minX
  const dy = margin + header + 10 - bounds.minY
  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title desc">`,
    `<title id="title">${escapeXml(picture.title)}</title>`,
    `<desc id="desc">${escapeXml(picture.subtitle)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin}" y="${margin + 22}" font-family="${escapeXml(FONT)}" font-size="22" font-weight="700" fill="#1b1f24">${escapeXml(picture.title)}</text>`,
    `<text x="${margin}" y="${margin + 46}" font-family="${escapeXml(FONT)}" font-size="14" fill="#4b5563">${escapeXml(picture.subtitle)}</text>`,
    `<g transform="translate(${round(dx)} ${round(dy)})">`
  )
  const edges = makeEdgePaths(picture.edges)
  for (const line of edges.lines)
    parts.push(`<path d="${line.d}" fill="none" stroke="#6b7280" stroke-opacity="0.7" stroke-width="${line.width}"/>`)
  if (edges.arrows) parts.push(`<path d="${edges.arrows}" fill="#4b5563"/>`)
  for (const node of picture.nodes) {
    parts.push(
      `<circle cx="${round(node.x)}" cy="${round(node.y)}" r="${round(node.radius)}" fill="${node.colour}" stroke="#1b1f24" stroke-width="1.5"/>`,
      `<text x="${round(node.x)}" y="${round(node.y + node.radius + 12)}" text-anchor="middle" font-family="${escapeXml(FONT)}" font-size="11" fill="#1b1f24" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(node.name)}</text>`
    )
  }
  parts.push('</g>')
  const legendTop = height - margin - legendHeight + 16
  parts.push(
    `<text x="${margin}" y="${legendTop}" font-family="${escapeXml(FONT)}" font-size="13" font-weight="700" fill="#1b1f24">${escapeXml(picture.legendTitle)}</text>`
  )
  const columnWidth = (width - margin * 2) / 3
  picture.legend.forEach((entry, i) => {
    const x = margin + (i % 3) * columnWidth
    const y = legendTop + 10 + Math.floor(i / 3) * legendRow
    parts.push(
      `<circle cx="${round(x + 7)}" cy="${round(y + 7)}" r="6" fill="${entry.colour}" stroke="#1b1f24" stroke-width="1.5"/>`,
      `<text x="${round(x + 20)}" y="${round(y + 11)}" font-family="${escapeXml(FONT)}" font-size="12" fill="#1b1f24">${escapeXml(`${entry.label} (${entry.count})`)}</text>`
    )
  })
  parts.push('</svg>')
  return { svg: parts.join('\n'), width, height }
}

/** Draws the SVG on a canvas at `scale` and returns PNG bytes (browser only). */
export const svgToPng = async (svg: string, width: number, height: number, scale = 2): Promise<Uint8Array> => {
  const image = new Image()
  image.width = width
  image.height = height
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve()
    image.onerror = () => reject(new Error(partnerPictureEn['partners.picture.notDrawn']))
  })
  // A data: URL keeps the canvas clean (not "tainted"), so it can be read back as PNG.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  await loaded
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(width * scale)
  canvas.height = Math.round(height * scale)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('This browser cannot draw the picture')
  context.scale(scale, scale)
  context.drawImage(image, 0, 0, width, height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new Error('The picture could not be made into a PNG')
  return new Uint8Array(await blob.arrayBuffer())
}
