import { Match, Show, Switch, createSignal, createUniqueId } from 'solid-js'
import { CSV_COLUMNS, CSV_LIMITS, summarisePlan, type ImportPlan } from '../../../domain/partner-csv'
import { importPartners, importRelationships } from '../../../crdt/partner-import'
import type { RelationshipPlan } from '../../../domain/relationship-csv'
import { Alert } from '../../components/Alert'
import { Dialog } from '../../components/Dialog'
import { downloadBytes } from '../../download'
import { usePartnerMap } from './partner-map-context'
import { partnerCsvTemplate, readPartnerCsvFile, tooBigMessage } from './partner-csv-file'
import { focusAfterRender } from '../../components/focus-after-render'
import { CsvProblems } from './CsvProblems'
import { CsvReviewActions } from './CsvReviewActions'
import { RelationshipImportReview } from './RelationshipImportReview'
import { plural } from '../../../domain/plural'

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
      setStep({ kind: 'choose', problem: `“${file.name}”: ${tooBigMessage(file.size)}` })
      return
    }
    setStep({ kind: 'reading', fileName: file.name })
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await file.arrayBuffer())
    } catch {
      setStep({ kind: 'choose', problem: `“${file.name}” could not be read. It may have been moved or deleted.` })
      return
    }
    const result = readPartnerCsvFile(bytes, { partners: map.state().partners, relationships: map.state().relationships })
    if (!result.ok) setStep({ kind: 'choose', problem: `“${file.name}”: ${result.message}` })
    else if (result.kind === 'relationships')
      setStep({ kind: 'review-relationships', fileName: file.name, plan: result.plan, notice: result.notice })
    else setStep({ kind: 'review', fileName: file.name, plan: result.plan, notice: result.notice })
  }

  const confirm = (plan: ImportPlan): void => {
    const result = map.act(() => importPartners(map.doc, map.mapId, plan, map.actor(), Date.now()))
    if (!result) return
    const parts = [
      result.partnersAdded ? `${plural(result.partnersAdded, 'partner')} added` : '',
      result.partnersUpdated ? `${plural(result.partnersUpdated, 'partner')} updated` : '',
      result.contactsAdded ? `${plural(result.contactsAdded, 'contact')} added` : ''
    ].filter(Boolean)
    map.announce(parts.length ? `Import done: ${parts.join(', ')}.` : 'Import done: everything in the file was already on the map.')
    close()
  }

  const confirmRelationships = (plan: RelationshipPlan): void => {
    const result = map.act(() => importRelationships(map.doc, map.mapId, plan.relationships, map.actor(), Date.now()))
    if (!result) return
    const leftOut = result.leftOut ? ` ${plural(result.leftOut, 'relationship')} left out: a partner in it was removed meanwhile.` : ''
    map.announce(`Import done: ${plural(result.added, 'relationship')} added.${leftOut}`)
    close()
  }

  return (
    <Dialog open={props.open} title="Import partners from a CSV file" onClose={close}>
      <div class="stack csv-import">
        <Switch>
          <Match when={step().kind === 'choose' && (step() as Extract<Step, { kind: 'choose' }>)}>
            {(choosing) => (
              <>
                <p>
                  One row per contact; rows with the same organisation name become one partner. Mutual reads these columns:{' '}
                  {Object.values(CSV_COLUMNS).join(', ')}. Only “{CSV_COLUMNS.name}” is required.
                </p>
                <p class="hint">
                  Offers and needs are written like “Skills: facilitation; Venues: town hall”. Partners already on the map
                  (same name) keep their details; only new contacts, offers and needs are added to them.
                </p>
                <p class="hint">
                  A file saved by “Export relationships CSV” (columns From, Relationship, To, Strength, Note) adds
                  relationships between partners already on the map.
                </p>
                <Show when={choosing().problem}>
                  <Alert tone="error" title="This file cannot be imported">
                    <p>{choosing().problem}</p>
                  </Alert>
                </Show>
                <div class="field">
                  <label for={`${id}-file`}>CSV file</label>
                  <p class="hint" id={`${id}-hint`}>
                    Up to {(CSV_LIMITS.bytes / (1024 * 1024)).toFixed(0)} MB and {CSV_LIMITS.rows.toLocaleString('en-GB')} rows. Nothing is imported until you confirm.
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
                    Download a template
                  </button>
                  <button type="button" class="button" onClick={close}>
                    Cancel
                  </button>
                </div>
              </>
            )}
          </Match>
          <Match when={step().kind === 'reading'}>
            <p role="status">Reading “{(step() as Extract<Step, { kind: 'reading' }>).fileName}”…</p>
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
        {props.review.fileName}: {plural(plan().validRows, 'row')} can be imported
        {plan().problems.length ? `, ${plural(plan().problems.length, 'row')} cannot` : ''}
      </h3>
      <Show when={props.review.notice}>
        <Alert tone="warning" title="Check the characters">
          <p>{props.review.notice}</p>
        </Alert>
      </Show>
      <ul class="facts-list">
        <li>{plural(summary().newPartners, 'new partner')}</li>
        <Show when={summary().updatedPartners}>
          <li>{plural(summary().updatedPartners, 'partner')} already on the map will get new contacts, offers or needs</li>
        </Show>
        <Show when={summary().unchangedPartners}>
          <li>{plural(summary().unchangedPartners, 'partner')} already on the map with nothing new</li>
        </Show>
        <li>{plural(summary().contacts, 'contact')} to add</li>
        <Show when={plan().ignoredColumns.length}>
          <li>Columns left out: {plan().ignoredColumns.join(', ')}</li>
        </Show>
      </ul>
      <CsvProblems problems={plan().problems} />
      <CsvReviewActions
        importLabel={importable() ? `Import ${plural(plan().validRows, 'valid row')}` : null}
        onImport={() => props.onConfirm(plan())}
        onBack={props.onBack}
        onCancel={props.onCancel}
      />
    </>
  )
}
