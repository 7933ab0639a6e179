import { For, Show, createSignal } from 'solid-js'
import { PROFILE_COLOURS } from '../../../domain/colours'
import { KNOWN_CCIN_MEMBERS } from '../../../domain/councils'
import { ProfileSchema, type Profile } from '../../../domain/profile'
import { ErrorSummary } from '../../components/ErrorList'
import { TextField } from '../../components/TextField'
import { t } from '../../i18n/t'
import { inChosenLanguage } from '../../i18n/known-in-language'

type FieldErrors = Partial<Record<keyof Profile, string>>

/** Name, organisation and colour; validates with the domain schema before saving. */
export const ProfileForm = (props: {
  initial: Partial<Profile>
  submitLabel: string
  onSave: (profile: Profile) => Promise<void>
}) => {
  const [name, setName] = createSignal(props.initial.name ?? '')
  const [organisation, setOrganisation] = createSignal(props.initial.organisation ?? '')
  const [colour, setColour] = createSignal<string>(props.initial.colour ?? PROFILE_COLOURS[0].value)
  const [errors, setErrors] = createSignal<FieldErrors>({})
  const [saving, setSaving] = createSignal(false)
  const [saveError, setSaveError] = createSignal<string | null>(null)

  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault()
    if (saving()) return
    const parsed = ProfileSchema.safeParse({ name: name(), organisation: organisation(), colour: colour() })
    if (!parsed.success) {
      const found: FieldErrors = {}
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof Profile
        found[field] ??= issue.message
      }
      setErrors(found)
      return
    }
    setErrors({})
    setSaving(true)
    setSaveError(null)
    try {
      await props.onSave(parsed.data)
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form class="stack" onSubmit={submit} novalidate>
      <Show when={Object.keys(errors()).length > 0}>
        <ErrorSummary errors={Object.values(errors())} />
      </Show>
      <Show when={saveError()}>
        <p class="error-message" role="alert">
          {t('profile.saveFailed', { reason: inChosenLanguage(saveError() ?? '') })}
        </p>
      </Show>
      <TextField
        label={t('profile.name.label')}
        hint={t('profile.name.hint')}
        value={name()}
        onInput={setName}
        error={errors().name}
        autocomplete="name"
        maxLength={80}
      />
      <TextField
        label={t('profile.organisation.label')}
        hint={t('profile.organisation.hint')}
        value={organisation()}
        onInput={setOrganisation}
        error={errors().organisation}
        list="known-ccin-members"
        autocomplete="organization"
        maxLength={120}
      />
      <datalist id="known-ccin-members">
        <For each={KNOWN_CCIN_MEMBERS}>{(m) => <option value={m} />}</For>
      </datalist>
      <fieldset class="field colour-choice">
        <legend>{t('profile.colour.legend')}</legend>
        <p class="hint">{t('profile.colour.hint')}</p>
        <div class="colour-options">
          <For each={PROFILE_COLOURS}>
            {(c) => (
              <label class="colour-option">
                <input
                  type="radio"
                  name="profile-colour"
                  value={c.value}
                  checked={colour() === c.value}
                  onChange={() => setColour(c.value)}
                />
                <span class="swatch" style={{ 'background-color': c.value }} aria-hidden="true" />
                {t(`colour.${c.name}`)}
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <p class="hint">{t('profile.staysHere')}</p>
      <div class="actions">
        {/* aria-disabled, not disabled, while saving: a disabled button drops keyboard focus. */}
        <button type="submit" class="button primary" aria-disabled={saving() || undefined}>
          {saving() ? t('common.saving') : props.submitLabel}
        </button>
      </div>
    </form>
  )
}
