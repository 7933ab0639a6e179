import { Show, createSignal } from 'solid-js'
import { useApp } from '../../app-context'
import { Alert } from '../../components/Alert'
import { PageHeading } from '../../components/PageHeading'
import { href } from '../../router'
import { ProfileForm } from './ProfileForm'

/** First-run setup and later edits of the local profile. */
export const ProfilePage = (props: { firstRun?: boolean }) => {
  const app = useApp()
  const [saved, setSaved] = createSignal(false)
  const read = app.profile()
  const initial = read.status === 'ok' ? read.profile : read.status === 'invalid' ? read.partial : {}
  return (
    <section class="narrow stack">
      <PageHeading title={props.firstRun ? 'Welcome to Mutual' : 'Your profile'} />
      <Show when={props.firstRun}>
        <p class="lead">
          Mutual keeps your policy lab’s notes, reports and maps on your own devices and shares them directly
          with the people you invite. First, tell your colleagues who you are.
        </p>
      </Show>
      <Show when={read.status === 'invalid' && read}>
        {(invalid) => (
          <Alert tone="warning" title="Your saved profile could not be read">
            <p>
              Please check the details below and save them again. Your workspaces are not affected. (
              {invalid().reason})
            </p>
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
