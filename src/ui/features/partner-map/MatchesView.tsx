import { For, Show, createMemo } from 'solid-js'
import type { Partner, PartnerId, ResourceCategory } from '../../../domain/partner'
import { matchOffersAndNeeds } from '../../../domain/partner-matching'
import { t } from '../../i18n/t'
import { resourceCategoryLabel } from './partner-labels'

/**
 * Offers and needs side by side: for every need, the offers of the same kind from other
 * partners, closest wording first. A starting point for introductions, not a verdict.
 */
export const MatchesView = (props: { partners: readonly Partner[]; onOpen: (id: PartnerId) => void }) => {
  const matches = createMemo(() => matchOffersAndNeeds(props.partners))
  const matched = () => matches().filter((m) => m.offers.length > 0)
  const unmatched = () => matches().filter((m) => m.offers.length === 0)
  const lower = (category: ResourceCategory): string => resourceCategoryLabel(category).toLowerCase()
  const offersCount = () => props.partners.reduce((n, p) => n + p.offers.length, 0)
  const name = (id: PartnerId, text: string) => (
    <button type="button" class="link-button" onClick={() => props.onOpen(id)}>
      {text}
    </button>
  )
  return (
    <div class="stack matches">
      <p class="muted">
        {t('partners.matches.counts', { needs: matches().length, offers: offersCount() })}
      </p>
      <Show
        when={matches().length > 0}
        fallback={<p>{t('partners.matches.none')}</p>}
      >
        <Show when={matched().length > 0}>
          <h3>{t('partners.matches.withOffers', { count: matched().length })}</h3>
          <ul class="match-list">
            <For each={matched()}>
              {(match) => (
                <li class="match">
                  <p>
                    {name(match.need.partnerId, match.need.partnerName)} {t('partners.matches.needs')}{' '}
                    <span class="tag">{resourceCategoryLabel(match.category)}</span>
                    {match.need.detail ? `: ${match.need.detail}` : ''}
                  </p>
                  <ul class="match-offers" aria-label={t('partners.matches.offersOf', { category: lower(match.category) })}>
                    <For each={match.offers}>
                      {(offer) => (
                        <li>
                          {name(offer.partnerId, offer.partnerName)} {t('partners.matches.offers', { what: offer.detail || lower(match.category) })}
                          <Show when={offer.sharedWords.length > 0}>
                            <span class="muted">{t('partners.matches.inCommon', { words: offer.sharedWords.join(', ') })}</span>
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
          <h3>{t('partners.matches.unmatched', { count: unmatched().length })}</h3>
          <ul class="match-list">
            <For each={unmatched()}>
              {(match) => (
                <li class="match">
                  {name(match.need.partnerId, match.need.partnerName)} {t('partners.matches.needs')}{' '}
                  <span class="tag">{resourceCategoryLabel(match.category)}</span>
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
