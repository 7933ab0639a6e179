import { Show, createSignal } from 'solid-js'
import { useApp } from '../../app-context'
import { Alert } from '../../components/Alert'
import { PageHeading } from '../../components/PageHeading'
import { href } from '../../router'
import { ProfileForm } from './ProfileForm'

/** First-run setup and later edits of the local profile. */
export const ProfilePage = (props: { firstRun?: boolean; invited?: boolean }) => {
  const app = useApp()
  const [saved, setSaved] = createSignal(false)
  const read = app.profile()
  const initial = read.status === 'ok' ? read.profile : read.status === 'invalid' ? read.partial : {}
  // A stored profile that failed validation is not a first run: say what happened instead.
  const damaged = read.status === 'invalid'
  const title = damaged ? 'Check your profile' : props.firstRun ? 'Welcome to Mutual' : 'Your profile'
  return (
    <section class="narrow stack">
      <PageHeading title={title} />
      <Show when={props.firstRun && !damaged}>
        <p class="lead">
          Mutual keeps your policy lab’s notes, reports and maps on your own devices and shares them directly
          with the people you invite. First, tell your colleagues who you are.
        </p>
      </Show>
      <Show when={props.invited && !damaged}>
        <Alert tone="info" title="You have been invited to a workspace">
          <p>Set up your profile first; you can join the workspace straight after.</p>
        </Alert>
      </Show>
      <Show when={read.status === 'invalid' && read}>
        {(invalid) => (
          <Alert tone="warning" title="Your saved profile could not be read">
            <p>{invalid().reason} The details that could be read are filled in below.</p>
            <p>Check them, fill in the rest and save. Your workspaces on this device are not affected.</p>
          </Alert>
        )}
      </Show>
      <Show when={saved()}>
        <Alert tone="success" title="Profile saved">
          <p>
            <a href={href.home}>Back to your workspaces</a>
          </p>
        </Alert>
      </Show>
      <ProfileForm
        initial={initial}
        submitLabel={props.firstRun ? 'Save and continue' : 'Save profile'}
        onSave={async (profile) => {
          await app.saveProfile(profile)
          setSaved(!props.firstRun)
        }}
      />
    </section>
  )
}
