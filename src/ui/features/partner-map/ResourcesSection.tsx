import { For, Show, createSignal, createUniqueId } from 'solid-js'
import {
  LIMITS,
  RESOURCE_CATEGORY_LABELS,
  type ResourceItem,
  ResourceFieldsSchema,
  validateFields,
  type Partner,
  type ResourceCategory,
  type ResourceSide
} from '../../../domain/partner'
import { addResource, removeResource } from '../../../crdt/partner-items'
import { TextField } from '../../components/TextField'
import { usePartnerMap } from './partner-map-context'
import { SelectField } from '../../components/SelectField'
import { t } from '../../i18n/t'
import type { MessageKey } from '../../../domain/i18n/catalogue'
import { localisedOptions, resourceCategoryLabel } from './partner-labels'
import { fieldError } from './field-error'

/** Each side's own messages: Welsh, like English, words the two sides differently. */
const SIDE_TEXT = {
  offers: {
    heading: 'partners.offers.heading',
    empty: 'partners.offers.none',
    what: 'partners.offers.what',
    add: 'partners.offers.add',
    added: 'partners.offers.added',
    removeItem: 'partners.offers.removeItem',
    removeItemDetail: 'partners.offers.removeItemDetail',
    removed: 'partners.offers.removed'
  },
  needs: {
    heading: 'partners.needs.heading',
    empty: 'partners.needs.none',
    what: 'partners.needs.what',
    add: 'partners.needs.add',
    added: 'partners.needs.added',
    removeItem: 'partners.needs.removeItem',
    removeItemDetail: 'partners.needs.removeItemDetail',
    removed: 'partners.needs.removed'
  }
} as const satisfies Record<ResourceSide, Record<string, MessageKey>>

const categoryLower = (item: Pick<ResourceItem, 'category'>): string => resourceCategoryLabel(item.category).toLowerCase()

/** What a partner offers to the lab, or needs from it: skills, time, venues, data, funding. */
export const ResourcesSection = (props: { partner: Partner; side: ResourceSide }) => {
  const map = usePartnerMap()
  const headingId = createUniqueId()
  const [category, setCategory] = createSignal<ResourceCategory>('skills')
  const [detail, setDetail] = createSignal('')
  const [error, setError] = createSignal<string | undefined>()
  const text = () => SIDE_TEXT[props.side]
  const categoryId = createUniqueId()

  const add = (event: SubmitEvent): void => {
    event.preventDefault()
    const result = validateFields(ResourceFieldsSchema, { category: category(), detail: detail() })
    if (!result.ok) {
      setError(result.errors.detail ?? result.errors.category)
      return
    }
    setError(undefined)
    const id = map.act(() => addResource(map.doc, map.mapId, props.partner.id, props.side, result.value, map.actor(), Date.now()))
    if (id) {
      map.announce(t(text().added, { category: categoryLower(result.value) }))
      setDetail('')
    }
  }

  return (
    <section class="partner-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(text().heading, { count: props.partner[props.side].length })}</h3>
      <Show when={props.partner[props.side].length > 0} fallback={<p class="muted">{t(text().empty)}</p>}>
        <ul class="item-list">
          <For each={props.partner[props.side]}>
            {(item) => (
              <li class="item-row">
                <p class="item-text">
                  <span class="tag">{resourceCategoryLabel(item.category)}</span> {item.detail}
                </p>
                <button
                  type="button"
                  class="button small danger-outline"
                  disabled={!map.canEdit()}
                  aria-label={
                    item.detail
                      ? t(text().removeItemDetail, { category: categoryLower(item), detail: item.detail })
                      : t(text().removeItem, { category: categoryLower(item) })
                  }
                  onClick={() => {
                    if (map.act(() => removeResource(map.doc, map.mapId, props.partner.id, props.side, item.id, map.actor(), Date.now()))) {
                      map.announce(t(text().removed))
                      document.getElementById(categoryId)?.focus()
                    }
                  }}
                >
                  {t('partners.remove')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="inline-form resource-form" onSubmit={add} novalidate aria-label={t(text().add)}>
        <SelectField
            id={categoryId}
            label={t(text().what)}
            value={category()}
            options={localisedOptions(RESOURCE_CATEGORY_LABELS, resourceCategoryLabel)}
            onChange={(v) => setCategory(v as ResourceCategory)}
            disabled={!map.canEdit()}
          />
        <TextField
          label={t('partners.resources.details')}
          value={detail()}
          onInput={setDetail}
          error={fieldError(error())}
          maxLength={LIMITS.detail}
          disabled={!map.canEdit()}
        />
        <button type="submit" class="button small" disabled={!map.canEdit()}>
          {t(text().add)}
        </button>
      </form>
    </section>
  )
}
