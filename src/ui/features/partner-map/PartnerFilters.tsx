import { Show, createMemo } from 'solid-js'
import {
  PARTNER_ROLE_LABELS,
  PARTNER_STATUS_LABELS,
  PARTNER_TYPE_LABELS,
  type Partner,
  type PartnerRole,
  type PartnerStatus,
  type PartnerType
} from '../../../domain/partner'
import { NO_FILTER, isFiltering, regionsInUse, type PartnerFilter } from '../../../domain/partner-view'
import { TextField } from '../../components/TextField'
import { SelectField, optionsFrom } from '../../components/SelectField'

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
      <legend>Filter partners</legend>
      <div class="filter-grid">
        <TextField label="Search" value={props.filter.text} onInput={set('text')} />
        <SelectField label="Type" value={props.filter.type} options={withAll('All types', optionsFrom<PartnerType>(PARTNER_TYPE_LABELS))} onChange={set('type')} />
        <SelectField label="Region" value={props.filter.region} options={withAll('All regions', regions())} onChange={set('region')} />
        <SelectField label="Role" value={props.filter.role} options={withAll('All roles', optionsFrom<PartnerRole>(PARTNER_ROLE_LABELS))} onChange={set('role')} />
        <SelectField label="Status" value={props.filter.status} options={withAll('All statuses', optionsFrom<PartnerStatus>(PARTNER_STATUS_LABELS))} onChange={set('status')} />
      </div>
      <Show when={isFiltering(props.filter)}>
        <button type="button" class="button small" onClick={() => props.onChange(NO_FILTER)}>
          Clear filters
        </button>
      </Show>
    </fieldset>
  )
}
