import type { Translate } from '../../../domain/i18n/catalogue'
import { translateOrWith } from '../../i18n/translate-or'
import type { ColourBy, LegendEntry } from './graph-colours'

/**
 * A legend entry's name in the language of `tr`: type keys are the partner types; region keys
 * are the regions as written, besides two of the map's own (other regions, no region).
 */
export const legendLabel = (tr: Translate, colourBy: ColourBy, entry: LegendEntry): string =>
  colourBy === 'type' ? translateOrWith(tr)(`partners.type.${entry.key}`, entry.label)
  : entry.key === 'other' ? tr('partners.graph.otherRegions')
  : entry.key === '' ? tr('partners.graph.noRegion')
  : entry.label
