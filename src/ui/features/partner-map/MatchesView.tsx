import { For, Show, createMemo } from 'solid-js'
import { RESOURCE_CATEGORY_LABELS, type Partner, type PartnerId } from '../../../domain/partner'
import { matchOffersAndNeeds } from '../../../domain/partner-matching'

/**
 * Offers and needs side by side: for every need, the offers of the same kind from other
 * partners, closest wording first. A starting point for introductions, not a verdict.
 */
export const MatchesView = (props: { partners: readonly Partner[]; onOpen: (id: PartnerId) => void }) => {
  const matches = createMemo(() => matchOffersAndNeeds(props.partners))
  const matched = () => matches().filter((m) => m.offers.length > 0)
  const unmatched = () => matches().filter((m) => m.offers.length === 0)
  const offersCount = () => props.partners.reduce((n, p) => n + p.offers.length, 0)
  const name = (id: PartnerId, text: string) => (
    <button type="button" class="link-button" onClick={() => props.onOpen(id)}>
      {text}
    </button>
  )
  return (
    <div class="stack matches">
      <p class="muted">
        {matches().length} {matches().length === 1 ? 'need' : 'needs'} and {offersCount()} {offersCount() === 1 ? 'offer' : 'offers'} among the partners shown.
        Each need is paired with offers of the same kind from other partners.
      </p>
      <Show
        when={matches().length > 0}
        fallback={<p>No needs noted yet. Open a partner and add what it offers and needs: skills, time, venues, data or funding.</p>}
      >
        <Show when={matched().length > 0}>
          <h3>Needs with offers ({matched().length})</h3>
          <ul class="match-list">
            <For each={matched()}>
              {(match) => (
                <li class="match">
                  <p>
                    {name(match.need.partnerId, match.need.partnerName)} needs{' '}
                    <span class="tag">{RESOURCE_CATEGORY_LABELS[match.category]}</span>
                    {match.need.detail ? `: ${match.need.detail}` : ''}
                  </p>
                  <ul class="match-offers" aria-label={`Offers of ${RESOURCE_CATEGORY_LABELS[match.category].toLowerCase()}`}>
                    <For each={match.offers}>
                      {(offer) => (
                        <li>
                          {name(offer.partnerId, offer.partnerName)} offers {offer.detail || RESOURCE_CATEGORY_LABELS[match.category].toLowerCase()}
                          <Show when={offer.sharedWords.length > 0}>
                            <span class="muted"> (in common: {offer.sharedWords.join(', ')})</span>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={unmatched().length > 0}>
          <h3>Needs nobody offers yet ({unmatched().length})</h3>
          <ul class="match-list">
            <For each={unmatched()}>
              {(match) => (
                <li class="match">
                  {name(match.need.partnerId, match.need.partnerName)} needs{' '}
                  <span class="tag">{RESOURCE_CATEGORY_LABELS[match.category]}</span>
                  {match.need.detail ? `: ${match.need.detail}` : ''}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </div>
  )
}
