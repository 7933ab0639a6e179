import {
  PARTNER_ROLE_LABELS,
  PARTNER_STATUS_LABELS,
  PARTNER_TYPE_LABELS,
  RELATIONSHIP_PHRASES,
  RESOURCE_CATEGORY_LABELS,
  STRENGTH_LABELS,
  type PartnerRole,
  type PartnerStatus,
  type PartnerType,
  type RelationshipPhrase,
  type ResourceCategory,
  type Strength
} from '../../../domain/partner'
import type { SelectOption } from '../../components/SelectField'
import { translateOr } from '../../i18n/translate-or'

/**
 * The partner map's fixed lists in the interface language. The domain keeps the English
 * labels (CSV exports and imports use them); the interface reads them through the catalogue,
 * falling back to the English label for a value added later.
 */
const localised = <T extends string | number>(area: string, labels: Record<T, string>) =>
  (value: T): string => translateOr(`partners.${area}.${value}`, labels[value])

export const partnerTypeLabel = localised<PartnerType>('type', PARTNER_TYPE_LABELS)
export const partnerRoleLabel = localised<PartnerRole>('role', PARTNER_ROLE_LABELS)
export const partnerStatusLabel = localised<PartnerStatus>('status', PARTNER_STATUS_LABELS)
export const resourceCategoryLabel = localised<ResourceCategory>('category', RESOURCE_CATEGORY_LABELS)
export const strengthLabel = localised<Strength>('strength', STRENGTH_LABELS)
export const phraseLabel = (phrase: RelationshipPhrase): string => translateOr(`partners.phrase.${phrase.value}`, phrase.label)

/** Select options for one of the lists, in the order the domain gives them. */
export const localisedOptions = <T extends string>(labels: Record<T, string>, label: (value: T) => string): SelectOption[] =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: label(value) }))
