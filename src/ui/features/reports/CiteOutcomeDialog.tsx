import type { Editor } from '@tiptap/core'
import { Show, createSignal } from 'solid-js'
import type * as Y from 'yjs'
import type { ArtifactId } from '../../../domain/ids'
import { createLabPlanState } from '../../../reactive/lab-plan'
import { Dialog } from '../../components/Dialog'
import { SelectField } from '../../components/SelectField'
import { FormActions } from '../../components/FormActions'
import { t } from '../../i18n/t'

const WHOLE_OUTCOME = ''

/**
 * Inserts, at the caret, a citation of one of the lab plan's outcomes and, if chosen, one of
 * its measures. The report keeps the reference, not a copy: it shows the plan's current words.
 */
export const CiteOutcomeDialog = (props: { doc: Y.Doc; planId: ArtifactId; editor: Editor; open: boolean; onClose: () => void }) => (
  <Dialog open={props.open} title={t('citeOutcome.title')} onClose={props.onClose}>
    <Show when={props.open}>
      <CiteOutcomeForm {...props} />
    </Show>
  </Dialog>
)

const CiteOutcomeForm = (props: { doc: Y.Doc; planId: ArtifactId; editor: Editor; onClose: () => void }) => {
  const plan = createLabPlanState(props.doc, props.planId)
  const outcomes = () => plan()?.outcomes ?? []
  const [outcomeId, setOutcomeId] = createSignal(outcomes()[0]?.id ?? '')
  const [measureId, setMeasureId] = createSignal(WHOLE_OUTCOME)
  const chosen = () => outcomes().find((o) => o.id === outcomeId()) ?? outcomes()[0]

  const insert = (event: SubmitEvent): void => {
    event.preventDefault()
    const outcome = chosen()
    if (!outcome) return
    const measure = outcome.measures.some((m) => m.id === measureId()) ? measureId() : WHOLE_OUTCOME
    props.editor
      .chain()
      .focus()
      .insertContent([{ type: 'planCitation', attrs: { planId: props.planId, outcomeId: outcome.id, measureId: measure } }, { type: 'text', text: ' ' }])
      .run()
    props.onClose()
  }

  return (
    <Show when={outcomes().length > 0} fallback={<NoOutcomes onClose={props.onClose} />}>
      <form class="stack" onSubmit={insert} novalidate>
        <p class="hint">{t('citeOutcome.hint')}</p>
        <SelectField
          label={t('citeOutcome.outcome')}
          value={chosen()?.id ?? ''}
          options={outcomes().map((o) => ({ value: o.id, label: o.title }))}
          onChange={(value) => {
            setOutcomeId(value)
            setMeasureId(WHOLE_OUTCOME)
          }}
        />
        <SelectField
          label={t('citeOutcome.measure')}
          value={measureId()}
          options={[{ value: WHOLE_OUTCOME, label: t('citeOutcome.whole') }, ...(chosen()?.measures ?? []).map((m) => ({ value: m.id, label: m.what }))]}
          onChange={setMeasureId}
        />
        <FormActions onCancel={props.onClose}>{t('citeOutcome.insert')}</FormActions>
      </form>
    </Show>
  )
}

const NoOutcomes = (props: { onClose: () => void }) => (
  <div class="stack">
    <p>{t('citeOutcome.none')}</p>
    <div class="actions">
      <button type="button" class="button" onClick={props.onClose}>
        {t('common.close')}
      </button>
    </div>
  </div>
)
