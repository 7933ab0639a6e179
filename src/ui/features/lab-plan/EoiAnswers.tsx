import { For, Show } from 'solid-js'
import { proposalAnswer } from '../../../crdt/lab-plan'
import { EOI_QUESTIONS } from '../../../domain/lab-plan/proposal'
import { useApp } from '../../app-context'
import { RichTextEditor } from '../editor/RichTextEditor'
import { useLabPlan } from './plan-context'
import '../editor/editor.css'

/**
 * The EOI's six questions, each answered in rich text shared live (bold, lists and links by
 * the editor's keyboard shortcuts). The answers are part of the plan, so they are in its
 * history and come back with it on a restore.
 */
export const EoiAnswers = () => {
  const plan = useLabPlan()
  const app = useApp()
  const caretUser = () => {
    const read = app.profile()
    return read.status === 'ok' ? { name: read.profile.name, color: read.profile.colour } : { name: 'Someone', color: '#374151' }
  }
  return (
    <ol class="eoi-questions">
      <For each={EOI_QUESTIONS}>
        {(question, i) => (
          <li class="stack">
            <h4 id={`eoi-question-${question.key}`}>
              {i() + 1}. {question.text}
            </h4>
            <Show when={proposalAnswer(plan.doc, plan.planId, question.key)} fallback={<p>This answer has not reached this device yet.</p>}>
              {(fragment) => (
                <Show when={plan.canEdit()} keyed>
                  {(editable) => (
                    <div class="eoi-answer">
                      <RichTextEditor fragment={fragment()} label={`Answer to question ${i() + 1}`} readOnly={!editable} awareness={null} user={caretUser()} onReady={() => undefined} />
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
