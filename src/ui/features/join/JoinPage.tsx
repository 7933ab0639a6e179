import { Match, Show, Switch, createResource, createSignal } from 'solid-js'
import type { Invite, InviteProblem } from '../../../domain/invite'
import type { RegistryEntry } from '../../../domain/registry-entry'
import { DEFAULT_SYNC_SETTINGS } from '../../../domain/sync-settings'
import { readInvitePayload } from '../../../sync/invite-link'
import { useApp } from '../../app-context'
import { Alert } from '../../components/Alert'
import { PageHeading } from '../../components/PageHeading'
import { href } from '../../router'
import { t } from '../../i18n/t'

type Checked =
  | { step: 'invalid'; problem: InviteProblem }
  | { step: 'ready'; invite: Invite }
  | { step: 'already-here'; entry: RegistryEntry }
  | { step: 'mismatch'; entry: RegistryEntry }

/** Leaves the invitation page for good: its address holds the secret, so it leaves history too. */
const replaceRoute = (hash: string): void => location.replace(`${location.pathname}${location.search}${hash}`)

/**
 * Where an invitation link lands. It checks the link before anything else (a link cut short
 * or altered says so, and nothing is created), then asks before joining. Joining lists the
 * workspace on this device; its content arrives from the other members as they come online.
 * Opening an invitation for a workspace already here just opens it.
 */
export const JoinPage = (props: { payload: string }) => {
  const app = useApp()
  const me = () => {
    const read = app.profile()
    return read.status === 'ok' ? read.profile : null
  }
  const [checked] = createResource(
    () => props.payload,
    async (payload): Promise<Checked> => {
      const read = await readInvitePayload(payload)
      if (!read.ok) return { step: 'invalid', problem: read.problem }
      const existing = await app.registry.get(read.invite.workspaceId)
      if (!existing) return { step: 'ready', invite: read.invite }
      return existing.secret === read.invite.secret ? { step: 'already-here', entry: existing } : { step: 'mismatch', entry: existing }
    }
  )
  const [joining, setJoining] = createSignal(false)
  const [failure, setFailure] = createSignal<string | null>(null)

  const join = async (invite: Invite): Promise<void> => {
    setJoining(true)
    setFailure(null)
    try {
      // Joined twice at once (two tabs)? The second finds it here and leaves it as it is.
      if (!(await app.registry.get(invite.workspaceId))) {
        const now = Date.now()
        await app.registry.put({
          id: invite.workspaceId,
          secret: invite.secret,
          name: '',
          createdAt: now,
          lastOpenedAt: now,
          lastEditedAt: now,
          sync: { ...DEFAULT_SYNC_SETTINGS, signallingUrls: invite.signallingUrls, relayUrls: invite.relayUrls },
          // The role the invitation gives: this device writes its join when it opens the workspace.
          ...(invite.trust ? { trustAnchor: invite.trust.anchor, trustPending: { kind: 'join' as const, invite: invite.trust } } : {})
        })
        void app.requestPersistence()
      }
      replaceRoute(href.workspace(invite.workspaceId))
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
      setJoining(false)
    }
  }

  return (
    <section class="narrow stack join">
      <Switch fallback={<p class="loading" role="status">{t('join.checking')}</p>}>
        <Match when={checked()?.step === 'invalid' && (checked() as Extract<Checked, { step: 'invalid' }>)}>
          {(invalid) => (
            <>
              <PageHeading title={t(`join.problem.${invalid().problem}.title`)} />
              <Alert tone="error" title={t('join.nothingAdded')}>
                <p>{t(`join.problem.${invalid().problem}.detail`)}</p>
              </Alert>
              <p>
                <a href={href.home}>{t('join.home')}</a>
              </p>
            </>
          )}
        </Match>
        <Match when={checked()?.step === 'mismatch' && (checked() as Extract<Checked, { step: 'mismatch' }>)}>
          {(mismatch) => (
            <>
              <PageHeading title={t('join.mismatch.title')} />
              <Alert tone="error" title={t('join.mismatch.alert')}>
                <p>{t('join.mismatch.body', { name: mismatch().entry.name || t('join.aWorkspace') })}</p>
              </Alert>
              <p>
                <a href={href.workspace(mismatch().entry.id)}>{t('join.openHere')}</a>
              </p>
            </>
          )}
        </Match>
        <Match when={checked()?.step === 'already-here' && (checked() as Extract<Checked, { step: 'already-here' }>)}>
          {(here) => (
            <>
              <PageHeading title={t('join.already.title')} />
              <p>{t('join.already.body', { name: here().entry.name || t('join.thisWorkspace') })}</p>
              <div class="actions">
                <button type="button" class="button primary" onClick={() => replaceRoute(href.workspace(here().entry.id))}>
                  {t('join.already.open', { name: here().entry.name || t('join.theWorkspace') })}
                </button>
              </div>
            </>
          )}
        </Match>
        <Match when={checked()?.step === 'ready' && (checked() as Extract<Checked, { step: 'ready' }>)}>
          {(ready) => (
            <>
              <PageHeading title={t('join.title')} />
              <p class="lead">{t('join.lead')}</p>
              <Show when={me()}>
                {(person) => (
                  <p>
                    {t('join.appearAs')} <strong>{person().name}</strong>, {person().organisation}.{' '}
                    <a href={href.profile}>{t('join.changeProfile')}</a>
                  </p>
                )}
              </Show>
              <Show when={ready().invite.signallingUrls.length > 0}>
                <p>{t('join.signalling', { count: ready().invite.signallingUrls.length, addresses: ready().invite.signallingUrls.join(', ') })}</p>
              </Show>
              <Show when={ready().invite.relayUrls.length > 0}>
                <p>{t('join.relays', { count: ready().invite.relayUrls.length, addresses: ready().invite.relayUrls.join(', ') })}</p>
              </Show>
              <Show when={failure()}>
                <Alert tone="error" title={t('join.failed')}>
                  <p>{failure()}</p>
                </Alert>
              </Show>
              <div class="actions">
                <button type="button" class="button primary" disabled={joining()} onClick={() => void join(ready().invite)}>
                  {joining() ? t('join.joining') : t('join.join')}
                </button>
                <a class="button" href={href.home}>
                  {t('join.notNow')}
                </a>
              </div>
            </>
          )}
        </Match>
      </Switch>
    </section>
  )
}
