import { createSignal } from 'solid-js'
import { proposalAnswer } from '../../../crdt/lab-plan'
import { EOI_QUESTIONS } from '../../../domain/lab-plan/proposal'
import { readBodyJson } from '../../../editor/body-json'
import { makeEoiDocument } from '../../../editor/export/eoi-document'
import { createWorkspaceMeta } from '../../../reactive/workspace-projections'
import { downloadBytes, fileNameFor } from '../../download'
import { useLabPlan } from './plan-context'
import { t } from '../../i18n/t'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** "Export as EOI": the plan as a Word document laid out like the CCIN's form, ready to send. */
export const EoiExportButton = () => {
  const plan = useLabPlan()
  const meta = createWorkspaceMeta(plan.doc)
  const [status, setStatus] = createSignal('')
  const run = async (): Promise<void> => {
    setStatus(t('labPlan.eoi.preparing'))
    try {
      const answers = Object.fromEntries(
        EOI_QUESTIONS.flatMap((q) => {
          const fragment = proposalAnswer(plan.doc, plan.planId, q.key)
          return fragment ? [[q.key, readBodyJson(fragment)]] : []
        })
      )
      const labName = meta()?.name ?? 'Lab'
      const document = makeEoiDocument(labName, plan.plan(), answers)
      // The Word writer is large: it loads only when someone exports.
      const bytes = await import('../../../editor/export/docx').then((m) => m.toDocx(document))
      const name = fileNameFor(`${labName} expression of interest`, 'docx')
      downloadBytes(bytes, name, DOCX)
      setStatus(t('labPlan.eoi.downloaded', { name }))
    } catch (error) {
      setStatus(t('labPlan.eoi.failed', { reason: error instanceof Error ? error.message : String(error) }))
    }
  }
  return (
    <div class="actions">
      <button type="button" class="button" onClick={() => void run()}>
        {t('labPlan.eoi.export')}
      </button>
      <p role="status" class="hint">
        {status()}
      </p>
    </div>
  )
}
