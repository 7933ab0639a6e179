import { For, Show } from 'solid-js'
import type { Partner, PartnerId } from '../../../domain/partner'
import { PARTNER_ROWS_LISTED, type PartnerSort, type PartnerSortKey } from '../../../domain/partner-view'
import { ShowAllToggle } from '../../components/ShowAllToggle'
import { createShortList } from '../../components/create-short-list'
import { t } from '../../i18n/t'
import type { MessageKey } from '../../../domain/i18n/catalogue'
import { partnerRoleLabel, partnerStatusLabel, partnerTypeLabel } from './partner-labels'

const COLUMNS: { key: PartnerSortKey; label: MessageKey; numeric?: boolean }[] = [
  { key: 'name', label: 'partners.column.name' },
  { key: 'type', label: 'partners.column.type' },
  { key: 'region', label: 'partners.column.region' },
  { key: 'role', label: 'partners.column.role' },
  { key: 'status', label: 'partners.column.status' },
  { key: 'contacts', label: 'partners.column.contacts', numeric: true },
  { key: 'relationships', label: 'partners.column.relationships', numeric: true }
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
  const sortedBy = (): string => {
    const column = COLUMNS.find((c) => c.key === props.sort.key)
    return t('partners.table.sortedBy', { column: column ? t(column.label).toLowerCase() : '', direction: props.sort.direction })
  }
  return (
    <div class="table-scroll" data-partner-table-ready="true">
      <table class="partner-table">
        <caption>
          {shownCount() === props.total
            ? t('partners.table.caption', { total: props.total })
            : t('partners.table.captionFiltered', { shown: shownCount(), total: props.total })}
          {rows.shortened() && !rows.showingAll() ? t('partners.table.firstListed', { count: PARTNER_ROWS_LISTED }) : ''}
          <span class="visually-hidden">{sortedBy()}</span>
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
                    {t(column.label)}
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
                <td>{partnerTypeLabel(partner.type)}</td>
                <td>{partner.region || <span class="muted">—</span>}</td>
                <td>{partnerRoleLabel(partner.role)}</td>
                <td>
                  <span class={`status status-${partner.status}`}>{partnerStatusLabel(partner.status)}</span>
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
            more={t('partners.table.showAll', { count: shownCount() })}
            fewer={t('partners.table.showFirst', { count: PARTNER_ROWS_LISTED })}
          />
        </p>
      </Show>
      <Show when={shownCount() === 0}>
        <p class="empty-row">{t('partners.table.noMatch')}</p>
      </Show>
    </div>
  )
}
