import { For, Show, createMemo } from 'solid-js'
import { RELATIONSHIP_PHRASES, STRENGTH_LABELS, type PartnerId, type Relationship } from '../../../domain/partner'
import { createShortList } from '../../components/create-short-list'
import { usePartnerMap } from './partner-map-context'

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
  const phrase = (r: Relationship): string =>
    RELATIONSHIP_PHRASES.find((p) => p.type === r.type && !p.reverse)?.label ?? 'is related to'
  return (
    <div class="table-scroll">
      <table class="partner-table relationship-table">
        <caption>
          Relationships ({sorted().length}
          {rows.listed().length < sorted().length ? `, first ${rows.listed().length} shown` : ''})
        </caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Relationship</th>
            <th scope="col">To</th>
            <th scope="col">Strength</th>
            <th scope="col">Note</th>
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
                <td>{STRENGTH_LABELS[r.strength]}</td>
                <td>{r.note}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={rows.listed().length < sorted().length}>
        <p class="empty-row">
          <button type="button" class="button small" onClick={rows.toggle}>
            Show all {sorted().length} relationships
          </button>
        </p>
      </Show>
      <Show when={sorted().length === 0}>
        <p class="empty-row">No relationships between the partners shown. Open a partner to add one.</p>
      </Show>
    </div>
  )
}
