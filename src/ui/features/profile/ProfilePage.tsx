import { Show, createSignal } from 'solid-js'
import { useApp } from '../../app-context'
import { Alert } from '../../components/Alert'
import { PageHeading } from '../../components/PageHeading'
import { href } from '../../router'
import { ProfileForm } from './ProfileForm'
import { LanguageChoice } from '../../i18n/LanguageSwitch'
import { t } from '../../i18n/t'

/** First-run setup and later edits of the local profile. */
export const ProfilePage = (props: { firstRun?: boolean; invited?: boolean }) => {
  const app = useApp()
  const [saved, setSaved] = createSignal(false)
  const read = app.profile()
  const initial = read.status === 'ok' ? read.profile : read.status === 'invalid' ? read.partial : {}
  // A stored profile that failed validation is not a first run: say what happened instead.
  const damaged = read.status === 'invalid'
  const title = () => t(damaged ? 'profile.title.check' : props.firstRun ? 'profile.title.welcome' : 'profile.title.yours')
  return (
    <section class="narrow stack">
      <PageHeading title={title()} />
      <Show when={props.firstRun}>
        <LanguageChoice />
      </Show>
      <Show when={props.firstRun && !damaged}>
        <p class="lead">{t('profile.intro')}</p>
      </Show>
      <Show when={props.invited && !damaged}>
        <Alert tone="info" title={t('profile.invited.title')}>
          <p>{t('profile.invited.body')}</p>
        </Alert>
      </Show>
      <Show when={read.status === 'invalid' && read}>
        {(invalid) => (
          <Alert tone="warning" title={t('profile.unreadable.title')}>
            <p>{t('profile.unreadable.filledIn', { reason: invalid().reason })}</p>
            <p>{t('profile.unreadable.next')}</p>
          </Alert>
        )}
      </Show>
      <Show when={saved()}>
        <Alert tone="success" title={t('profile.saved')}>
          <p>
            <a href={href.home}>{t('profile.backHome')}</a>
          </p>
        </Alert>
      </Show>
      <ProfileForm
        initial={initial}
        submitLabel={t(props.firstRun ? 'profile.saveAndContinue' : 'profile.save')}
        onSave={async (profile) => {
          await app.saveProfile(profile)
          setSaved(!props.firstRun)
        }}
      />
    </section>
  )
}
