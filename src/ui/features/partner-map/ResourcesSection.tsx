import { For, Show, createSignal, createUniqueId } from 'solid-js'
import {
  LIMITS,
  RESOURCE_CATEGORY_LABELS,
  ResourceFieldsSchema,
  validateFields,
  type Partner,
  type ResourceCategory,
  type ResourceSide
} from '../../../domain/partner'
import { addResource, removeResource } from '../../../crdt/partner-items'
import { TextField } from '../../components/TextField'
import { usePartnerMap } from './partner-map-context'
import { SelectField, optionsFrom } from '../../components/SelectField'

const SIDE_TEXT: Record<ResourceSide, { title: string; verb: string; empty: string }> = {
  offers: { title: 'Offers', verb: 'offer', empty: 'Nothing offered yet.' },
  needs: { title: 'Needs', verb: 'need', empty: 'No needs noted yet.' }
}

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
      map.announce(`Added ${RESOURCE_CATEGORY_LABELS[result.value.category].toLowerCase()} to ${text().title.toLowerCase()}.`)
      setDetail('')
    }
  }

  return (
    <section class="partner-section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {text().title} ({props.partner[props.side].length})
      </h3>
      <Show when={props.partner[props.side].length > 0} fallback={<p class="muted">{text().empty}</p>}>
        <ul class="item-list">
          <For each={props.partner[props.side]}>
            {(item) => (
              <li class="item-row">
                <p class="item-text">
                  <span class="tag">{RESOURCE_CATEGORY_LABELS[item.category]}</span> {item.detail}
                </p>
                <button
                  type="button"
                  class="button small danger-outline"
                  disabled={!map.canEdit()}
                  aria-label={`Remove ${RESOURCE_CATEGORY_LABELS[item.category].toLowerCase()}${item.detail ? `: ${item.detail}` : ''} from ${text().title.toLowerCase()}`}
                  onClick={() => {
                    if (map.act(() => removeResource(map.doc, map.mapId, props.partner.id, props.side, item.id, map.actor(), Date.now()))) {
                      map.announce(`Removed from ${text().title.toLowerCase()}.`)
                      document.getElementById(categoryId)?.focus()
                    }
                  }}
                >
                  Remove
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="inline-form resource-form" onSubmit={add} novalidate aria-label={`Add to ${text().title.toLowerCase()}`}>
        <SelectField
            id={categoryId}
            label={`What they ${text().verb}`}
            value={category()}
            options={optionsFrom(RESOURCE_CATEGORY_LABELS)}
            onChange={(v) => setCategory(v as ResourceCategory)}
            disabled={!map.canEdit()}
          />
        <TextField
          label="Details"
          value={detail()}
          onInput={setDetail}
          error={error()}
          maxLength={LIMITS.detail}
          disabled={!map.canEdit()}
        />
        <button type="submit" class="button small" disabled={!map.canEdit()}>
          Add to {text().title.toLowerCase()}
        </button>
      </form>
    </section>
  )
}
