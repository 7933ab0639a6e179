import { Match, Show, Switch } from 'solid-js'
import { useApp } from './app-context'
import { Avatar } from './components/Avatar'
import { NotFoundPage } from './features/NotFoundPage'
import { JoinPage } from './features/join/JoinPage'
import { ProfilePage } from './features/profile/ProfilePage'
import { UpdatePrompt } from './features/pwa/UpdatePrompt'
import { CreateWorkspacePage } from './features/workspaces/CreateWorkspacePage'
import { WorkspaceListPage } from './features/workspaces/WorkspaceListPage'
import { WorkspacePage } from './features/workspace/WorkspacePage'
import { currentRoute, href } from './router'
import { InPageLink } from './components/InPageLink'
import { PAGE_CONTENT_ID } from './components/page-content'
import { LanguageSwitch } from './i18n/LanguageSwitch'
import { CONTENT_LANG } from './i18n/content-lang'
import { t } from './i18n/t'

/** The shell: skip link, header, one main region that shows the current route. */
export const App = () => {
  const app = useApp()
  const route = currentRoute
  const workspaceRoute = () => {
    const r = route()
    return r.name === 'workspace' ? r : null
  }
  const joinRoute = () => {
    const r = route()
    return r.name === 'join' ? r : null
  }
  const profile = () => {
    const read = app.profile()
    return read.status === 'ok' ? read.profile : null
  }
  return (
    <>
      <InPageLink class="skip-link" target="main" prefer={PAGE_CONTENT_ID}>
        {t('shell.skipLink')}
      </InPageLink>
      <header class="app-header">
        <a class="brand" href={href.home}>
          <img src="favicon.svg" alt="" width="28" height="28" />
          Mutual
        </a>
        <div class="header-tools">
          <LanguageSwitch />
          <Show when={profile()}>
            {(me) => (
              <a class="profile-chip" href={href.profile}>
                <Avatar name={me().name} colour={me().colour} />
                <span class="profile-chip-name">
                  <span class="visually-hidden">{t('shell.yourProfile')} </span>
                  <span {...CONTENT_LANG}>{me().name}</span>
                </span>
              </a>
            )}
          </Show>
        </div>
        {/* In the banner, below its row: a notice here never sits over the work. */}
        <UpdatePrompt />
      </header>
      <main id="main" tabindex="-1">
        <Show when={app.registryProblem}>
          {(problem) => (
            <div class="alert alert-warning" role="alert">
              <p class="alert-title">{t('shell.noSaving.title')}</p>
              <p>{problem().message}</p>
            </div>
          )}
        </Show>
        <Show when={profile()} fallback={<ProfilePage firstRun invited={joinRoute() !== null} />}>
          <Switch fallback={<NotFoundPage />}>
            <Match when={route().name === 'home'}>
              <WorkspaceListPage />
            </Match>
            <Match when={route().name === 'profile'}>
              <ProfilePage />
            </Match>
            <Match when={route().name === 'new-workspace'}>
              <CreateWorkspacePage />
            </Match>
            <Match when={joinRoute()}>
              {(r) => (
                <Show when={r().payload} keyed>
                  {(payload) => <JoinPage payload={payload} />}
                </Show>
              )}
            </Match>
            <Match when={workspaceRoute()}>
              {(r) => (
                // Keyed on the id: a different workspace is a fresh session; a different
                // artifact in the same workspace is not.
                <Show when={r().id} keyed>
                  {(id) => <WorkspacePage id={id} artifactId={r().artifactId} panel={r().panel} />}
                </Show>
              )}
            </Match>
          </Switch>
        </Show>
      </main>
    </>
  )
}
