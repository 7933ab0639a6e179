import { Show } from 'solid-js'
import { plural } from '../../../domain/plural'
import type { RelationshipPlan } from '../../../domain/relationship-csv'
import { Alert } from '../../components/Alert'
import { focusAfterRender } from '../../components/focus-after-render'
import { CsvProblems } from './CsvProblems'
import { CsvReviewActions } from './CsvReviewActions'

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
        {props.fileName}: {plural(count(), 'relationship')} can be imported
        {props.plan.problems.length ? `, ${plural(props.plan.problems.length, 'row')} cannot` : ''}
      </h3>
      <Show when={props.notice}>
        <Alert tone="warning" title="Check the characters">
          <p>{props.notice}</p>
        </Alert>
      </Show>
      <ul class="facts-list">
        <li>{plural(count(), 'new relationship')} between partners on the map</li>
        <Show when={props.plan.alreadyThere}>
          <li>{plural(props.plan.alreadyThere, 'relationship')} already on the map</li>
        </Show>
        <Show when={props.plan.ignoredColumns.length}>
          <li>Columns left out: {props.plan.ignoredColumns.join(', ')}</li>
        </Show>
      </ul>
      <CsvProblems problems={props.plan.problems} />
      <CsvReviewActions
        importLabel={count() > 0 ? `Import ${plural(count(), 'relationship')}` : null}
        onImport={() => props.onConfirm(props.plan)}
        onBack={props.onBack}
        onCancel={props.onCancel}
      />
    </>
  )
}
