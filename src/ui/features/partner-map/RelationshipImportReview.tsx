import { Show } from 'solid-js'
import type { RelationshipPlan } from '../../../domain/relationship-csv'
import { Alert } from '../../components/Alert'
import { focusAfterRender } from '../../components/focus-after-render'
import { CsvProblems } from './CsvProblems'
import { CsvReviewActions } from './CsvReviewActions'
import { currentTranslator, t } from '../../i18n/t'
import { translateKnown } from '../../../domain/i18n/known-text'

/** What a relationships CSV would add, and which rows it cannot, before anything is written. */
export const RelationshipImportReview = (props: {
  fileName: string
  plan: RelationshipPlan
  notice: string | null
  onConfirm: (plan: RelationshipPlan) => void
  onBack: () => void
  onCancel: () => void
}) => {
  const count = () => props.plan.relationships.length
  return (
    <>
      <h3 ref={(el) => focusAfterRender(() => el)} tabindex="-1">
        {t('partners.csv.canImportRelationships', { file: props.fileName, count: count() })}
        {props.plan.problems.length ? t('partners.csv.rowsCannot', { count: props.plan.problems.length }) : ''}
      </h3>
      <Show when={props.notice}>
        <Alert tone="warning" title={t('partners.csv.checkCharacters')}>
          <p>{translateKnown(currentTranslator(), props.notice ?? '')}</p>
        </Alert>
      </Show>
      <ul class="facts-list">
        <li>{t('partners.csv.newRelationships', { count: count() })}</li>
        <Show when={props.plan.alreadyThere}>
          <li>{t('partners.csv.relationshipsThere', { count: props.plan.alreadyThere })}</li>
        </Show>
        <Show when={props.plan.ignoredColumns.length}>
          <li>{t('partners.csv.ignoredColumns', { columns: props.plan.ignoredColumns.join(', ') })}</li>
        </Show>
      </ul>
      <CsvProblems problems={props.plan.problems} />
      <CsvReviewActions
        importLabel={count() > 0 ? t('partners.csv.importRelationships', { count: count() }) : null}
        onImport={() => props.onConfirm(props.plan)}
        onBack={props.onBack}
        onCancel={props.onCancel}
      />
    </>
  )
}
