import { Show, createMemo } from 'solid-js'
import { PARTNER_ROLE_LABELS, PARTNER_STATUS_LABELS, PARTNER_TYPE_LABELS, type Partner } from '../../../domain/partner'
import { NO_FILTER, isFiltering, regionsInUse, type PartnerFilter } from '../../../domain/partner-view'
import { TextField } from '../../components/TextField'
import { SelectField } from '../../components/SelectField'
import { t } from '../../i18n/t'
import { localisedOptions, partnerRoleLabel, partnerStatusLabel, partnerTypeLabel } from './partner-labels'

const withAll = (label: string, options: { value: string; label: string }[]) => [{ value: '', label }, ...options]

/** The filters both views share: type, region, role, status and a search. */
export const PartnerFilters = (props: {
  partners: readonly Partner[]
  filter: PartnerFilter
  onChange: (filter: PartnerFilter) => void
}) => {
  const regions = createMemo(() => regionsInUse(props.partners).map((r) => ({ value: r.key, label: `${r.label} (${r.count})` })))
  const set = <K extends keyof PartnerFilter>(key: K) => (value: string) => props.onChange({ ...props.filter, [key]: value })
  return (
    <fieldset class="partner-filters">
      <legend>{t('partners.filters.legend')}</legend>
      <div class="filter-grid">
        <TextField label={t('partners.filters.search')} value={props.filter.text} onInput={set('text')} />
        <SelectField label={t('partners.column.type')} value={props.filter.type} options={withAll(t('partners.filters.allTypes'), localisedOptions(PARTNER_TYPE_LABELS, partnerTypeLabel))} onChange={set('type')} />
        <SelectField label={t('partners.column.region')} value={props.filter.region} options={withAll(t('partners.filters.allRegions'), regions())} onChange={set('region')} />
        <SelectField label={t('partners.column.role')} value={props.filter.role} options={withAll(t('partners.filters.allRoles'), localisedOptions(PARTNER_ROLE_LABELS, partnerRoleLabel))} onChange={set('role')} />
        <SelectField label={t('partners.column.status')} value={props.filter.status} options={withAll(t('partners.filters.allStatuses'), localisedOptions(PARTNER_STATUS_LABELS, partnerStatusLabel))} onChange={set('status')} />
      </div>
      <Show when={isFiltering(props.filter)}>
        <button type="button" class="button small" onClick={() => props.onChange(NO_FILTER)}>
          {t('partners.filters.clear')}
        </button>
      </Show>
    </fieldset>
  )
}
