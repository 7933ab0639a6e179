import { Match, Show, Switch, createSignal, createUniqueId } from 'solid-js'
import { CSV_COLUMNS, CSV_LIMITS, summarisePlan, type ImportPlan } from '../../../domain/partner-csv'
import { importPartners, importRelationships } from '../../../crdt/partner-import'
import type { RelationshipPlan } from '../../../domain/relationship-csv'
import { Alert } from '../../components/Alert'
import { Dialog } from '../../components/Dialog'
import { downloadBytes } from '../../download'
import { usePartnerMap } from './partner-map-context'
import { megabytes, partnerCsvTemplate, readPartnerCsvFile } from './partner-csv-file'
import { focusAfterRender } from '../../components/focus-after-render'
import { CsvProblems } from './CsvProblems'
import { CsvReviewActions } from './CsvReviewActions'
import { RelationshipImportReview } from './RelationshipImportReview'
import { formatNumber } from '../../i18n/intl-format'
import { t, currentTranslator } from '../../i18n/t'
import { translateKnown } from '../../../domain/i18n/known-text'

const tooBigText = (bytes: number): string =>
  t('partners.csvFile.tooBig', { size: megabytes(bytes), limit: megabytes(CSV_LIMITS.bytes) })

type Step =
  | { kind: 'choose'; problem: string | null }
  | { kind: 'reading'; fileName: string }
  | { kind: 'review'; fileName: string; plan: ImportPlan; notice: string | null }
  | { kind: 'review-relationships'; fileName: string; plan: RelationshipPlan; notice: string | null }

/**
 * CSV import: choose a file, see what would be imported and every bad row with its line
 * number and reason, then confirm. Nothing reaches the workspace before the confirmation, and
 * then all valid rows arrive in one change.
 */
export const ImportCsvDialog = (props: { open: boolean; onClose: () => void }) => {
  const map = usePartnerMap()
  const id = createUniqueId()
  const [step, setStep] = createSignal<Step>({ kind: 'choose', problem: null })
  const close = (): void => {
    setStep({ kind: 'choose', problem: null })
    props.onClose()
  }

  const choose = async (file: File | undefined): Promise<void> => {
    if (!file) return
    // Refuse a huge file before reading it into memory.
    if (file.size > CSV_LIMITS.bytes) {
      setStep({ kind: 'choose', problem: t('partners.csv.tooBig', { name: file.name, reason: tooBigText(file.size) }) })
      return
    }
    setStep({ kind: 'reading', fileName: file.name })
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await file.arrayBuffer())
    } catch {
      setStep({ kind: 'choose', problem: t('partners.csv.unreadable', { name: file.name }) })
      return
    }
    const result = readPartnerCsvFile(bytes, { partners: map.state().partners, relationships: map.state().relationships })
    if (!result.ok) setStep({ kind: 'choose', problem: t('partners.csv.refused', { name: file.name, reason: translateKnown(currentTranslator(), result.message) }) })
    else if (result.kind === 'relationships')
      setStep({ kind: 'review-relationships', fileName: file.name, plan: result.plan, notice: result.notice })
    else setStep({ kind: 'review', fileName: file.name, plan: result.plan, notice: result.notice })
  }

  const confirm = (plan: ImportPlan): void => {
    const result = map.act(() => importPartners(map.doc, map.mapId, plan, map.actor(), Date.now()))
    if (!result) return
    const parts = [
      result.partnersAdded ? t('partners.csv.partnersAdded', { count: result.partnersAdded }) : '',
      result.partnersUpdated ? t('partners.csv.partnersUpdated', { count: result.partnersUpdated }) : '',
      result.contactsAdded ? t('partners.csv.contactsAdded', { count: result.contactsAdded }) : ''
    ].filter(Boolean)
    map.announce(parts.length ? t('partners.csv.done', { parts: parts.join(', ') }) : t('partners.csv.doneNothing'))
    close()
  }

  const confirmRelationships = (plan: RelationshipPlan): void => {
    const result = map.act(() => importRelationships(map.doc, map.mapId, plan.relationships, map.actor(), Date.now()))
    if (!result) return
    const leftOut = result.leftOut ? t('partners.csv.leftOut', { count: result.leftOut }) : ''
    map.announce(`${t('partners.csv.relationshipsDone', { count: result.added })}${leftOut}`)
    close()
  }

  return (
    <Dialog open={props.open} title={t('partners.csv.title')} onClose={close}>
      <div class="stack csv-import">
        <Switch>
          <Match when={step().kind === 'choose' && (step() as Extract<Step, { kind: 'choose' }>)}>
            {(choosing) => (
              <>
                <p>{t('partners.csv.columns', { columns: Object.values(CSV_COLUMNS).join(', '), name: CSV_COLUMNS.name })}</p>
                <p class="hint">{t('partners.csv.offersHint')}</p>
                <p class="hint">{t('partners.csv.relationshipsHint')}</p>
                <Show when={choosing().problem}>
                  <Alert tone="error" title={t('partners.csv.cannot')}>
                    <p>{choosing().problem}</p>
                  </Alert>
                </Show>
                <div class="field">
                  <label for={`${id}-file`}>{t('partners.csv.file')}</label>
                  <p class="hint" id={`${id}-hint`}>
                    {t('partners.csv.fileHint', { megabytes: (CSV_LIMITS.bytes / (1024 * 1024)).toFixed(0), rows: formatNumber(CSV_LIMITS.rows) })}
                  </p>
                  <input
                    id={`${id}-file`}
                    type="file"
                    accept=".csv,text/csv"
                    aria-describedby={`${id}-hint`}
                    onChange={(event) => void choose(event.currentTarget.files?.[0])}
                  />
                </div>
                <div class="actions">
                  <button
                    type="button"
                    class="button small"
                    onClick={() => downloadBytes(new TextEncoder().encode(partnerCsvTemplate()), 'partners-template.csv', 'text/csv')}
                  >
                    {t('partners.csv.template')}
                  </button>
                  <button type="button" class="button" onClick={close}>
                    {t('common.cancel')}
                  </button>
                </div>
              </>
            )}
          </Match>
          <Match when={step().kind === 'reading'}>
            <p role="status">{t('partners.csv.reading', { name: (step() as Extract<Step, { kind: 'reading' }>).fileName })}</p>
          </Match>
          <Match when={step().kind === 'review' && (step() as Extract<Step, { kind: 'review' }>)}>
            {(review) => <Review review={review()} onConfirm={confirm} onBack={() => setStep({ kind: 'choose', problem: null })} onCancel={close} />}
          </Match>
          <Match when={step().kind === 'review-relationships' && (step() as Extract<Step, { kind: 'review-relationships' }>)}>
            {(review) => (
              <RelationshipImportReview
                fileName={review().fileName}
                plan={review().plan}
                notice={review().notice}
                onConfirm={confirmRelationships}
                onBack={() => setStep({ kind: 'choose', problem: null })}
                onCancel={close}
              />
            )}
          </Match>
        </Switch>
      </div>
    </Dialog>
  )
}

const Review = (props: {
  review: Extract<Step, { kind: 'review' }>
  onConfirm: (plan: ImportPlan) => void
  onBack: () => void
  onCancel: () => void
}) => {
  const plan = () => props.review.plan
  const summary = () => summarisePlan(plan())
  const importable = () => summary().newPartners + summary().updatedPartners > 0
  return (
    <>
      <h3 ref={(el) => focusAfterRender(() => el)} tabindex="-1">
        {t('partners.csv.canImport', { file: props.review.fileName, count: plan().validRows })}
        {plan().problems.length ? t('partners.csv.rowsCannot', { count: plan().problems.length }) : ''}
      </h3>
      <Show when={props.review.notice}>
        <Alert tone="warning" title={t('partners.csv.checkCharacters')}>
          <p>{translateKnown(currentTranslator(), props.review.notice ?? '')}</p>
        </Alert>
      </Show>
      <ul class="facts-list">
        <li>{t('partners.csv.newPartners', { count: summary().newPartners })}</li>
        <Show when={summary().updatedPartners}>
          <li>{t('partners.csv.updatedPartners', { count: summary().updatedPartners })}</li>
        </Show>
        <Show when={summary().unchangedPartners}>
          <li>{t('partners.csv.unchangedPartners', { count: summary().unchangedPartners })}</li>
        </Show>
        <li>{t('partners.csv.contacts', { count: summary().contacts })}</li>
        <Show when={plan().ignoredColumns.length}>
          <li>{t('partners.csv.ignoredColumns', { columns: plan().ignoredColumns.join(', ') })}</li>
        </Show>
      </ul>
      <CsvProblems problems={plan().problems} />
      <CsvReviewActions
        importLabel={importable() ? t('partners.csv.importRows', { count: plan().validRows }) : null}
        onImport={() => props.onConfirm(plan())}
        onBack={props.onBack}
        onCancel={props.onCancel}
      />
    </>
  )
}
