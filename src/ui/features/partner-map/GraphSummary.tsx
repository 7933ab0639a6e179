import { For, Show } from 'solid-js'
import type { Partner, Relationship } from '../../../domain/partner'
import type { ColourBy, LegendEntry } from './graph-colours'
import { currentTranslator, t } from '../../i18n/t'
import { legendLabel } from './legend-label'

/**
 * The graph in words: how many partners and relationships it shows, the most connected
 * partners, who stands alone, and what the colours mean. Screen readers get it as the
 * graph's description; everyone sees it under the picture.
 */
export const GraphSummary = (props: {
  id: string
  partners: readonly Partner[]
  relationships: readonly Relationship[]
  counts: Map<string, number>
  legend: readonly LegendEntry[]
  colourBy: ColourBy
  settled: boolean
}) => {
  const hubs = () =>
    [...props.partners]
      .filter((p) => (props.counts.get(p.id) ?? 0) > 0)
      .sort((a, b) => (props.counts.get(b.id) ?? 0) - (props.counts.get(a.id) ?? 0) || a.name.localeCompare(b.name, 'en-GB'))
      .slice(0, 3)
  const alone = () => props.partners.filter((p) => !props.counts.get(p.id)).length
  return (
    <div class="graph-summary stack">
      <p id={props.id}>
        {t('partners.graph.shows', { partners: props.partners.length, relationships: props.relationships.length })}
        <Show when={hubs().length > 0}>
          {' '}
          {t('partners.graph.hubs', { names: hubs().map((p) => `${p.name} (${props.counts.get(p.id) ?? 0})`).join(', ') })}
        </Show>
        <Show when={alone() > 0}> {t('partners.graph.alone', { count: alone() })}</Show>
        {' '}
        {t('partners.graph.tableToo')}
      </p>
      <Show when={props.legend.length > 0}>
        <div>
          <h3 class="legend-title">{props.colourBy === 'type' ? t('partners.graph.coloursType') : t('partners.graph.coloursRegion')}</h3>
          <ul class="graph-legend">
            <For each={props.legend}>
              {(entry) => (
                <li>
                  <span class="swatch" style={{ background: entry.colour }} aria-hidden="true" /> {legendLabel(currentTranslator(), props.colourBy, entry)} ({entry.count})
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
      <Show when={!props.settled}>
        <p class="hint" aria-hidden="true">{t('partners.graph.arranging')}</p>
      </Show>
    </div>
  )
}
