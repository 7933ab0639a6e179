import { For, Show, createSignal } from 'solid-js'
import { KNOWN_CCIN_MEMBERS } from '../../../domain/councils'
import { WorkspaceDetailsSchema, parseCouncilList, type WorkspaceDetails } from '../../../domain/workspace-meta'
import { ErrorSummary } from '../../components/ErrorList'
import { TextField } from '../../components/TextField'
import { t } from '../../i18n/t'
import { inChosenLanguage } from '../../i18n/known-in-language'

type FieldErrors = Partial<Record<keyof WorkspaceDetails, string>>

const emptyDetails: WorkspaceDetails = {
  name: '',
  description: '',
  leadCouncil: '',
  partnerCouncils: [],
  startDate: ''
}

/** The lab's name, councils, description and start date: used to create and to edit. */
export const WorkspaceDetailsForm = (props: {
  initial?: WorkspaceDetails
  submitLabel: string
  disabled?: boolean
  onSave: (details: WorkspaceDetails) => Promise<void>
  onCancel?: () => void
}) => {
  const start = props.initial ?? emptyDetails
  const [name, setName] = createSignal(start.name)
  const [description, setDescription] = createSignal(start.description)
  const [leadCouncil, setLeadCouncil] = createSignal(start.leadCouncil)
  const [partners, setPartners] = createSignal(start.partnerCouncils.join('\n'))
  const [startDate, setStartDate] = createSignal(start.startDate)
  const [errors, setErrors] = createSignal<FieldErrors>({})
  const [failure, setFailure] = createSignal<string | null>(null)
  const [saving, setSaving] = createSignal(false)

  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault()
    if (saving()) return
    const parsed = WorkspaceDetailsSchema.safeParse({
      name: name(),
      description: description(),
      leadCouncil: leadCouncil(),
      partnerCouncils: parseCouncilList(partners()),
      startDate: startDate()
    })
    if (!parsed.success) {
      const found: FieldErrors = {}
      for (const issue of parsed.error.issues) found[issue.path[0] as keyof WorkspaceDetails] ??= issue.message
      setErrors(found)
      return
    }
    setErrors({})
    setFailure(null)
    setSaving(true)
    try {
      await props.onSave(parsed.data)
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form class="stack" onSubmit={submit} novalidate>
      <Show when={Object.keys(errors()).length > 0}>
        <ErrorSummary errors={Object.values(errors())} />
      </Show>
      <Show when={failure()}>
        <p class="error-message" role="alert">
          {t('details.notSaved', { reason: inChosenLanguage(failure() ?? '') })}
        </p>
      </Show>
      <TextField label={t('details.name')} value={name()} onInput={setName} error={errors().name} maxLength={120} />
      <TextField
        label={t('details.leadCouncil')}
        value={leadCouncil()}
        onInput={setLeadCouncil}
        error={errors().leadCouncil}
        list="workspace-known-councils"
        maxLength={120}
      />
      <TextField
        label={t('details.partnerCouncils')}
        hint={t('details.partnerCouncils.hint')}
        multiline
        value={partners()}
        onInput={setPartners}
        error={errors().partnerCouncils}
      />
      <datalist id="workspace-known-councils">
        <For each={KNOWN_CCIN_MEMBERS}>{(m) => <option value={m} />}</For>
      </datalist>
      <TextField
        label={t('details.description')}
        hint={t('details.description.hint')}
        multiline
        value={description()}
        onInput={setDescription}
        error={errors().description}
        maxLength={2000}
      />
      <TextField
        label={t('details.startDate')}
        type="date"
        value={startDate()}
        onInput={setStartDate}
        error={errors().startDate}
      />
      <div class="actions">
        <button type="submit" class="button primary" disabled={props.disabled} aria-disabled={saving() || undefined}>
          {saving() ? t('common.saving') : props.submitLabel}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="button" onClick={() => props.onCancel?.()}>
            {t('common.cancel')}
          </button>
        </Show>
      </div>
    </form>
  )
}
