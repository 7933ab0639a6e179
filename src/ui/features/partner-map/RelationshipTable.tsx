import { For, Show, createMemo } from 'solid-js'
import { RELATIONSHIP_PHRASES, type PartnerId, type Relationship } from '../../../domain/partner'
import { createShortList } from '../../components/create-short-list'
import { usePartnerMap } from './partner-map-context'
import { t } from '../../i18n/t'
import { phraseLabel, strengthLabel } from './partner-labels'

/** Long lists start short: the whole table is one click away. */
const FIRST_ROWS = 100
const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true })

/** Every relationship between the partners shown, in words: the graph's edges as a table. */
export const RelationshipTable = (props: { relationships: readonly Relationship[]; onOpen: (id: PartnerId) => void }) => {
  const map = usePartnerMap()
  const nameOf = (id: string): string => map.partnerById(id)?.name ?? ''
  // The rows are the relationships themselves (not copies), so <For> keeps their elements.
  const sorted = createMemo(() =>
    props.relationships
      .filter((r) => map.partnerById(r.from) && map.partnerById(r.to))
      .sort((a, b) => collator.compare(nameOf(a.from), nameOf(b.from)) || collator.compare(nameOf(a.to), nameOf(b.to)))
  )
  const rows = createShortList({ items: sorted, limit: FIRST_ROWS })
  const phrase = (r: Relationship): string => {
    const found = RELATIONSHIP_PHRASES.find((p) => p.type === r.type && !p.reverse)
    return found ? phraseLabel(found) : t('partners.phrase.other')
  }
  return (
    <div class="table-scroll">
      <table class="partner-table relationship-table">
        <caption>
          {rows.listed().length < sorted().length
            ? t('partners.relTable.captionShort', { count: sorted().length, shown: rows.listed().length })
            : t('partners.relTable.caption', { count: sorted().length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('partners.relTable.from')}</th>
            <th scope="col">{t('partners.relTable.relationship')}</th>
            <th scope="col">{t('partners.relTable.to')}</th>
            <th scope="col">{t('partners.relationships.strength')}</th>
            <th scope="col">{t('partners.relationships.note')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={rows.listed()}>
            {(r) => (
              <tr>
                <td>
                  <button type="button" class="link-button" onClick={() => props.onOpen(r.from)}>
                    {nameOf(r.from)}
                  </button>
                </td>
                <td>{phrase(r)}</td>
                <td>
                  <button type="button" class="link-button" onClick={() => props.onOpen(r.to)}>
                    {nameOf(r.to)}
                  </button>
                </td>
                <td>{strengthLabel(r.strength)}</td>
                <td>{r.note}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={rows.listed().length < sorted().length}>
        <p class="empty-row">
          <button type="button" class="button small" onClick={rows.toggle}>
            {t('partners.relTable.showAll', { count: sorted().length })}
          </button>
        </p>
      </Show>
      <Show when={sorted().length === 0}>
        <p class="empty-row">{t('partners.relTable.none')}</p>
      </Show>
    </div>
  )
}
