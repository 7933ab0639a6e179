import { For, Show } from 'solid-js'
import type { PartnerChange, PartnerMapComparison } from '../../../crdt/compare-partner-maps'
import { PARTNER_TYPE_LABELS } from '../../../domain/partner'
import { ChangedName } from './ChangedName'

const CHANGE_LABELS: Record<NonNullable<PartnerChange['change']>, string> = {
  added: 'added since this version',
  removed: 'removed since this version',
  binned: 'moved to the bin since this version',
  changed: 'changed since this version'
}

/** Gone from the map since the version: deleted for good, or in the bin. */
const gone = (change: PartnerChange['change']): boolean => change === 'removed' || change === 'binned'

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`

/**
 * The partners of a map as they were at a version, or how today's map differs from it:
 * a removed (or binned) partner is struck through, an added one underlined, each also said
 * in words.
 */
export const PartnerMapCompare = (props: { comparison: PartnerMapComparison; mode: 'view' | 'compare' }) => {
  const then = () => props.comparison.partners.filter((p) => p.change !== 'added').length
  const now = () => props.comparison.partners.filter((p) => !gone(p.change)).length
  const changed = () => props.comparison.partners.filter((p) => p.change !== null).length
  const summary = (): string => {
    const { relationshipsThen, relationshipsNow } = props.comparison
    if (props.mode === 'view') {
      return `${plural(then(), 'partner', 'partners')} and ${plural(relationshipsThen, 'relationship', 'relationships')} in this version.`
    }
    const links = relationshipsThen + relationshipsNow > 0 ? ` ${plural(relationshipsThen, 'relationship', 'relationships')} then, ${relationshipsNow} now.` : ''
    const changes = changed() === 0 ? 'No partner has changed since.' : `${plural(changed(), 'partner has', 'partners have')} changed since.`
    return `${plural(then(), 'partner', 'partners')} then, ${now()} now.${links} ${changes}`
  }
  return (
    // A long list scrolls inside it: it takes focus so the keyboard can scroll it too.
    <div class="compare-view" role="region" tabindex="0" aria-label={props.mode === 'compare' ? 'Changes to the partners' : 'The partners as they were'}>
      <p class="meta partner-compare-summary">{summary()}</p>
      <Show when={props.comparison.partners.length > 0} fallback={<p class="muted">No partners.</p>}>
        <ul class="partner-compare" aria-label="Partners">
          <For each={props.comparison.partners}>
            {(partner) => (
              <li>
                <ChangedName name={partner.name} change={partner.change === 'binned' ? 'removed' : partner.change} />{' '}
                <span class="meta">{PARTNER_TYPE_LABELS[partner.type]}</span>
                <Show when={partner.change}>{(change) => <span class={`tag tag-${change()}`}>{CHANGE_LABELS[change()]}</span>}</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  )
}
