import { For, Show, createMemo, createSignal, createUniqueId } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import {
  PARTNER_DEFAULTS,
  PARTNER_FIELDS,
  PARTNER_ROLE_LABELS,
  PARTNER_STATUS_LABELS,
  PARTNER_TYPE_LABELS,
  PartnerFieldsSchema,
  SUGGESTED_REGIONS,
  LIMITS,
  validateFields,
  type Partner,
  type PartnerField,
  type PartnerFields
} from '../../../domain/partner'
import { regionsInUse } from '../../../domain/partner-view'
import { ErrorSummary } from '../../components/ErrorList'
import { TextField } from '../../components/TextField'
import { usePartnerMap } from './partner-map-context'
import { editableName } from './shown-partner-names'
import { SelectField } from '../../components/SelectField'
import { t } from '../../i18n/t'
import type { MessageKey } from '../../../domain/i18n/catalogue'
import { localisedOptions, partnerRoleLabel, partnerStatusLabel, partnerTypeLabel } from './partner-labels'
import { fieldError } from './field-error'

const LABELS = {
  name: 'partners.field.name',
  type: 'partners.field.type',
  region: 'partners.field.region',
  role: 'partners.field.role',
  status: 'partners.field.status',
  website: 'partners.field.website',
  notes: 'partners.field.notes'
} as const satisfies Record<PartnerField, MessageKey>

/**
 * A partner's details. Only the fields a person touches are written on save; the others keep
 * following the document, so a colleague's change to another field shows up here and is not
 * overwritten (the two edits merge field by field).
 */
export const PartnerDetailsForm = (props: {
  /** The partner being edited (live), or undefined for a new one. */
  partner?: Partner | undefined
  submitLabel: string
  onSubmit: (fields: PartnerFields, touched: Partial<PartnerFields>) => boolean
  onCancel?: () => void
}) => {
  const map = usePartnerMap()
  const id = createUniqueId()
  const [draft, setDraft] = createStore<Partial<Record<PartnerField, string>>>({})
  const [errors, setErrors] = createSignal<Partial<Record<string, string>>>({})
  const [saved, setSaved] = createSignal(false)
  const stored = (field: PartnerField) => (field === 'name' && props.partner ? editableName(props.partner) : props.partner?.[field])
  const value = (field: PartnerField): string => draft[field] ?? String(stored(field) ?? (field === 'name' ? '' : PARTNER_DEFAULTS[field]))
  const set = (field: PartnerField) => (next: string) => {
    setDraft(field, next)
    setSaved(false)
  }
  const regions = createMemo(() => {
    const inUse = regionsInUse(map.state().partners).map((r) => r.label)
    return [...new Set([...SUGGESTED_REGIONS, ...inUse])]
  })

  const submit = (event: SubmitEvent): void => {
    event.preventDefault()
    const candidate = Object.fromEntries(PARTNER_FIELDS.map((field) => [field, value(field)]))
    const result = validateFields(PartnerFieldsSchema, candidate)
    if (!result.ok) {
      setErrors(result.errors)
      return
    }
    setErrors({})
    const touched = Object.fromEntries(
      PARTNER_FIELDS.filter((field) => draft[field] !== undefined).map((field) => [field, result.value[field]])
    ) as Partial<PartnerFields>
    if (props.onSubmit(result.value, touched)) {
      setDraft(reconcile({}))
      setSaved(true)
      map.announce(t('partners.details.saved'))
    }
  }
  const errorList = (): string[] => Object.values(errors()).filter((e): e is string => Boolean(e)).map((e) => fieldError(e) ?? e)

  return (
    <form class="stack partner-details-form" onSubmit={submit} novalidate aria-labelledby={`${id}-legend`}>
      <h3 id={`${id}-legend`} class="visually-hidden">
        {t('partners.details.heading')}
      </h3>
      <Show when={errorList().length > 0}>
        <ErrorSummary errors={errorList()} />
      </Show>
      <TextField
        label={t(LABELS.name)}
        value={value('name')}
        onInput={set('name')}
        error={fieldError(errors().name)}
        maxLength={LIMITS.name}
        required
      />
      <div class="partner-form-grid">
        <SelectField label={t(LABELS.type)} value={value('type')} options={localisedOptions(PARTNER_TYPE_LABELS, partnerTypeLabel)} onChange={set('type')} error={fieldError(errors().type)} />
        <div>
          <TextField
            label={t(LABELS.region)}
            value={value('region')}
            onInput={set('region')}
            error={fieldError(errors().region)}
            list={`${id}-regions`}
            maxLength={LIMITS.region}
          />
          <datalist id={`${id}-regions`}>
            <For each={regions()}>{(region) => <option value={region} />}</For>
          </datalist>
        </div>
        <SelectField label={t(LABELS.role)} value={value('role')} options={localisedOptions(PARTNER_ROLE_LABELS, partnerRoleLabel)} onChange={set('role')} error={fieldError(errors().role)} />
        <SelectField label={t(LABELS.status)} value={value('status')} options={localisedOptions(PARTNER_STATUS_LABELS, partnerStatusLabel)} onChange={set('status')} error={fieldError(errors().status)} />
      </div>
      <TextField label={t(LABELS.website)} type="url" value={value('website')} onInput={set('website')} error={fieldError(errors().website)} maxLength={LIMITS.website} hint={t('partners.field.websiteHint')} />
      <TextField label={t(LABELS.notes)} multiline value={value('notes')} onInput={set('notes')} error={fieldError(errors().notes)} maxLength={LIMITS.notes} />
      <div class="actions">
        <button type="submit" class="button primary" disabled={!map.canEdit()}>
          {props.submitLabel}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="button" onClick={() => props.onCancel?.()}>
            {t('common.cancel')}
          </button>
        </Show>
        <Show when={saved()}>
          <p class="saved-note">{t('partners.details.savedShort')}</p>
        </Show>
      </div>
    </form>
  )
}
