import { For, Show } from 'solid-js'
import {
  PARTNER_ROLE_LABELS,
  PARTNER_STATUS_LABELS,
  PARTNER_TYPE_LABELS,
  type Partner,
  type PartnerId
} from '../../../domain/partner'
import { PARTNER_ROWS_LISTED, type PartnerSort, type PartnerSortKey } from '../../../domain/partner-view'
import { ShowAllToggle } from '../../components/ShowAllToggle'
import { createShortList } from '../../components/create-short-list'

const COLUMNS: { key: PartnerSortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Organisation' },
  { key: 'type', label: 'Type' },
  { key: 'region', label: 'Region' },
  { key: 'role', label: 'Role' },
  { key: 'status', label: 'Status' },
  { key: 'contacts', label: 'Contacts', numeric: true },
  { key: 'relationships', label: 'Relationships', numeric: true }
]

/** The element id of a partner's name button: the dialog gives focus back to it on close. */
export const partnerRowButtonId = (id: string): string => `partner-row-${id}`

/**
 * The partners as a table: sortable by any column (click or Enter on its heading), each name
 * a button that opens the partner. With the filters above it, this is the keyboard and
 * screen-reader way to everything the graph does.
 */
export const PartnerTable = (props: {
  /** The partners the filters leave, in the chosen order. */
  partners: readonly Partner[]
  /** How many partners there are before filtering. */
  total: number
  /** The open partner: listed even when it is beyond the first rows. */
  currentId?: string | null
  sort: PartnerSort
  onSort: (sort: PartnerSort) => void
  relationshipCount: (id: string) => number
  onOpen: (id: PartnerId) => void
}) => {
  const toggle = (key: PartnerSortKey): void =>
    props.onSort({
      key,
      direction: props.sort.key === key && props.sort.direction === 'ascending' ? 'descending' : 'ascending'
    })
  const rows = createShortList({
    items: () => props.partners,
    limit: PARTNER_ROWS_LISTED,
    keep: (partner) => partner.id === props.currentId
  })
  const shownCount = (): number => props.partners.length
  return (
    <div class="table-scroll" data-partner-table-ready="true">
      <table class="partner-table">
        <caption>
          Partners{shownCount() === props.total ? ` (${props.total})` : `: showing ${shownCount()} of ${props.total}`}
          {rows.shortened() && !rows.showingAll() ? `, first ${PARTNER_ROWS_LISTED} listed` : ''}
          <span class="visually-hidden">
            , sorted by {COLUMNS.find((c) => c.key === props.sort.key)?.label.toLowerCase()}, {props.sort.direction}
          </span>
        </caption>
        <thead>
          <tr>
            <For each={COLUMNS}>
              {(column) => (
                <th
                  scope="col"
                  classList={{ numeric: column.numeric }}
                  aria-sort={props.sort.key === column.key ? props.sort.direction : undefined}
                >
                  <button type="button" class="sort-button" onClick={() => toggle(column.key)}>
                    {column.label}
                    <span class="sort-mark" aria-hidden="true">
                      {props.sort.key === column.key ? (props.sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody id="partner-rows">
          <For each={rows.listed()}>
            {(partner) => (
              <tr>
                <th scope="row">
                  <button type="button" class="link-button" id={partnerRowButtonId(partner.id)} onClick={() => props.onOpen(partner.id)}>
                    {partner.name}
                  </button>
                </th>
                <td>{PARTNER_TYPE_LABELS[partner.type]}</td>
                <td>{partner.region || <span class="muted">—</span>}</td>
                <td>{PARTNER_ROLE_LABELS[partner.role]}</td>
                <td>
                  <span class={`status status-${partner.status}`}>{PARTNER_STATUS_LABELS[partner.status]}</span>
                </td>
                <td class="numeric">{partner.contacts.length}</td>
                <td class="numeric">{props.relationshipCount(partner.id)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={rows.shortened()}>
        <p class="empty-row">
          <ShowAllToggle
            list={rows}
            controls="partner-rows"
            more={`Show all ${shownCount()} partners`}
            fewer={`Show the first ${PARTNER_ROWS_LISTED} partners`}
          />
        </p>
      </Show>
      <Show when={shownCount() === 0}>
        <p class="empty-row">No partners match these filters.</p>
      </Show>
    </div>
  )
}
