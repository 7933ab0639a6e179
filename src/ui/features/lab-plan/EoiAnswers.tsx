import { For, Show } from 'solid-js'
import { proposalAnswer } from '../../../crdt/lab-plan'
import { EOI_QUESTIONS } from '../../../domain/lab-plan/proposal'
import { useApp } from '../../app-context'
import { DeferredRichTextEditor } from '../editor/DeferredRichTextEditor'
import { useLabPlan } from './plan-context'
import '../editor/editor.css'
import { t } from '../../i18n/t'
import { eoiQuestionText } from './plan-labels'

/**
 * The EOI's six questions, each answered in rich text shared live (bold, lists and links by
 * the editor's keyboard shortcuts). The answers are part of the plan, so they are in its
 * history and come back with it on a restore. Each answer's editor is built when a person
 * starts on it (DeferredRichTextEditor): until then it shows the answer live, as the same textbox.
 */
export const EoiAnswers = () => {
  const plan = useLabPlan()
  const app = useApp()
  const caretUser = () => {
    const read = app.profile()
    return read.status === 'ok' ? { name: read.profile.name, color: read.profile.colour } : { name: t('labPlan.someone'), color: '#374151' }
  }
  return (
    <ol class="eoi-questions">
      <For each={EOI_QUESTIONS}>
        {(question, i) => (
          <li class="stack">
            <h4 id={`eoi-question-${question.key}`}>
              {i() + 1}. {eoiQuestionText(question.key)}
            </h4>
            <Show when={proposalAnswer(plan.doc, plan.planId, question.key)} fallback={<p>{t('labPlan.eoi.notArrived')}</p>}>
              {(fragment) => (
                <Show when={plan.canEdit()} keyed>
                  {(editable) => (
                    <div class="eoi-answer">
                      <DeferredRichTextEditor fragment={fragment()} label={t('labPlan.eoi.answerLabel', { number: i() + 1 })} readOnly={!editable} user={caretUser} />
                    </div>
                  )}
                </Show>
              )}
            </Show>
          </li>
        )}
      </For>
    </ol>
  )
}
