import type { BudgetCategory } from '../../../domain/lab-plan/budget'
import type { MilestoneKind, MilestoneStatus } from '../../../domain/lab-plan/milestones'
import type { OutcomeStatus } from '../../../domain/lab-plan/outcomes'
import type { FundingKind } from '../../../domain/lab-plan/proposal'
import type { MembershipType } from '../../../domain/lab-plan/working-group'
import type { EoiQuestionKey } from '../../../domain/lab-plan/proposal'
import { translateOr } from '../../i18n/translate-or'
import { t } from '../../i18n/t'
import type { SelectOption } from '../../components/SelectField'

/*
 * The domain's names for its values (a budget category, a status, a kind) in the interface
 * language. The domain keeps its English maps for exports and history; the page shows these.
 * Each key is built from the value, so the catalogue type checks every value has a message.
 */
export const budgetCategoryLabel = (value: BudgetCategory): string => t(`labPlan.budgetCategory.${value}`)
export const milestoneKindLabel = (value: MilestoneKind): string => t(`labPlan.milestoneKind.${value}`)
export const milestoneStatusLabel = (value: MilestoneStatus): string => t(`labPlan.milestoneStatus.${value}`)
export const outcomeStatusLabel = (value: OutcomeStatus): string => t(`labPlan.outcomeStatus.${value}`)
export const fundingKindLabel = (value: FundingKind): string => t(`labPlan.fundingKind.${value}`)
export const membershipLabel = (value: MembershipType): string => t(`labPlan.membership.${value}`)
export const eoiQuestionText = (key: EoiQuestionKey): string => t(`labPlan.eoi.${key}`)
/**
 * A value's name: one of the CCIN's values (each plan starts with them) or the co-operative
 * values, in the interface language; a value typed by someone stays as typed.
 */
export const cooperativeValueLabel = (name: string): string =>
  translateOr(`labPlan.ccinValue.${name}`, translateOr(`labPlan.coopValue.${name}`, name))
/** A milestone's title: one of the CCIN's standard deliverables (each plan starts with them) in the interface language, or as typed. */
export const deliverableLabel = (title: string): string => translateOr(`labPlan.deliverable.${title}`, title)

/** A select's options from a domain's label map, in its order, named in the interface language. */
export const localisedOptions = <T extends string>(labels: Record<T, string>, label: (value: T) => string): SelectOption[] =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: label(value) }))
