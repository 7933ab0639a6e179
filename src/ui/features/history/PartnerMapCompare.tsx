import { For, Show } from 'solid-js'
import type { PartnerMapComparison } from '../../../crdt/compare-partner-maps'
import { currentTranslator, t } from '../../i18n/t'
import { partnerCompareSummary } from './partner-compare-summary'
import { ChangedName } from './ChangedName'

/**
 * The partners of a map as they were at a version, or how today's map differs from it:
 * a removed (or binned) partner is struck through, an added one underlined, each also said
 * in words.
 */
export const PartnerMapCompare = (props: { comparison: PartnerMapComparison; mode: 'view' | 'compare' }) => {
  return (
    // A long list scrolls inside it: it takes focus so the keyboard can scroll it too.
    <div
      class="compare-view"
      role="region"
      tabindex="0"
      aria-label={props.mode === 'compare' ? t('partners.compare.changesRegion') : t('partners.compare.asTheyWereRegion')}
    >
      <p class="meta partner-compare-summary">{partnerCompareSummary(props.comparison, props.mode, currentTranslator())}</p>
      <Show when={props.comparison.partners.length > 0} fallback={<p class="muted">{t('partners.compare.none')}</p>}>
        <ul class="partner-compare" aria-label={t('partners.compare.list')}>
          <For each={props.comparison.partners}>
            {(partner) => (
              <li>
                <ChangedName name={partner.name || t('partners.unnamed')} change={partner.change === 'binned' ? 'removed' : partner.change} />{' '}
                <span class="meta">{t(`partners.type.${partner.type}`)}</span>
                <Show when={partner.change}>{(change) => <span class={`tag tag-${change()}`}>{t(`partners.compare.change.${change()}`)}</span>}</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  )
}
