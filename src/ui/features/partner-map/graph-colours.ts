import { PARTNER_TYPES, PARTNER_TYPE_LABELS, type Partner } from '../../../domain/partner'
import { regionKey, regionsInUse } from '../../../domain/partner-view'

/*
 * Colours of the partner graph. Nodes always have a dark outline (so each is visible on
 * white whatever its fill), and colour is never the only cue: the legend, the node's name
 * and the table say the same thing in words.
 */
export type ColourBy = 'type' | 'region'

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f'] as const
const OTHER = '#bab0ac'
const NONE = '#ffffff'

export interface LegendEntry {
  key: string
  label: string
  colour: string
  count: number
}

export interface Colouring {
  colourOf: (partner: Partner) => string
  /** Every entry, with counts over the partners the colouring was made from. */
  legend: LegendEntry[]
  /** The legend entry a partner falls under. */
  keyOf: (partner: Partner) => string
}

/** The legend for the partners shown: same colours, counts of what is shown, empty entries left out. */
export const legendFor = (colouring: Colouring, shown: readonly Partner[]): LegendEntry[] => {
  const counts = new Map<string, number>()
  for (const p of shown) counts.set(colouring.keyOf(p), (counts.get(colouring.keyOf(p)) ?? 0) + 1)
  return colouring.legend.filter((e) => counts.has(e.key)).map((e) => ({ ...e, count: counts.get(e.key) ?? 0 }))
}

/** Colours by type (fixed: the same type is the same colour on every map) or by region. */
export const makeColouring = (by: ColourBy, partners: readonly Partner[]): Colouring => {
  if (by === 'type') {
    const colours = new Map(PARTNER_TYPES.map((type, i) => [type, PALETTE[i % PALETTE.length] as string]))
    const counts = new Map<string, number>()
    for (const p of partners) counts.set(p.type, (counts.get(p.type) ?? 0) + 1)
    return {
      colourOf: (p) => colours.get(p.type) ?? OTHER,
      keyOf: (p) => p.type,
      legend: PARTNER_TYPES.filter((t) => counts.has(t)).map((t) => ({
        key: t,
        label: PARTNER_TYPE_LABELS[t],
        colour: colours.get(t) ?? OTHER,
        count: counts.get(t) ?? 0
      }))
    }
  }
  // Regions are free text: the most common get their own colour, the rest share one.
  const regions = regionsInUse(partners).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
  const named = regions.slice(0, PALETTE.length - 1)
  const colours = new Map(named.map((r, i) => [r.key, PALETTE[i] as string]))
  const rest = regions.slice(PALETTE.length - 1)
  const none = partners.filter((p) => regionKey(p.region) === '').length
  return {
    colourOf: (p) => {
      const key = regionKey(p.region)
      return key === '' ? NONE : (colours.get(key) ?? OTHER)
    },
    keyOf: (p) => {
      const key = regionKey(p.region)
      return key === '' || colours.has(key) ? key : 'other'
    },
    legend: [
      ...named.map((r) => ({ key: r.key, label: r.label, colour: colours.get(r.key) ?? OTHER, count: r.count })),
      ...(rest.length ? [{ key: 'other', label: 'Other regions', colour: OTHER, count: rest.reduce((n, r) => n + r.count, 0) }] : []),
      ...(none ? [{ key: '', label: 'No region', colour: NONE, count: none }] : [])
    ]
  }
}
