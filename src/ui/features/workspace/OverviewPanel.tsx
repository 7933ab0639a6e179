import { For, Show, createSignal } from 'solid-js'
import type * as Y from 'yjs'
import { updateWorkspaceDetails } from '../../../crdt/workspace-meta'
import { detailsEdit, pickDetails } from '../../../domain/workspace-details-edit'
import { createMembers, createWorkspaceMeta } from '../../../reactive/workspace-projections'
import { Alert } from '../../components/Alert'
import { Avatar } from '../../components/Avatar'
import { PageHeading } from '../../components/PageHeading'
import { formatAbsolute } from '../../components/RelativeTime'
import { WorkspaceDetailsForm } from '../workspaces/WorkspaceDetailsForm'
import './overview.css'
import { DataSafetyPanel } from '../data-safety/DataSafetyPanel'
import { VersionsPanel } from '../versions/VersionsPanel'
import { DeletionFlag, RecoveryPanel } from '../recovery/RecoveryPanel'
import type { RegistryEntry } from '../../../domain/registry-entry'
import type { WorkspaceDetails } from '../../../domain/workspace-meta'
import { useWorkspaceTrust } from '../members/workspace-trust-context'
import { createMemberStanding, type MemberStanding } from '../members/create-trust-state'
import { roleName } from '../members/role-text'
import { t } from '../../i18n/t'
import { CONTENT_LANG } from '../../i18n/content-lang'
import { formatDate } from '../../i18n/intl-format'

const formatStartDate = (iso: string): string => (iso ? formatDate(new Date(`${iso}T12:00:00`), 'long') : t('common.notSet'))

/** A person's standing as the people list shows it beside their name. */
const standingText = (standing: MemberStanding): string | null => {
  if (standing === 'removed') return t('overview.person.removed')
  if (standing === 'not-a-member') return t('overview.person.notMember')
  return standing ? roleName(standing) : null
}

/** Members first, then everyone else who wrote here: who has access reads first. */
const membersFirst = <T extends { id: string }>(people: readonly T[], standing: (id: string) => MemberStanding): T[] => {
  const hasAccess = (id: string): boolean => {
    const s = standing(id)
    return s !== 'removed' && s !== 'not-a-member'
  }
  return [...people].sort((a, b) => Number(hasAccess(b.id)) - Number(hasAccess(a.id)))
}

/** The lab at a glance: its details, councils and people, and a form to edit them. */
export const OverviewPanel = (props: { doc: Y.Doc; entry: RegistryEntry; readOnly: boolean }) => {
  const meta = createWorkspaceMeta(props.doc)
  const members = createMembers(props.doc)
  const trust = useWorkspaceTrust()
  const standing = createMemberStanding(trust)
  const [editing, setEditing] = createSignal(false)
  const [saved, setSaved] = createSignal(false)
  let returnFocus = false
  let formStart: WorkspaceDetails | null = null

  return (
    <article class="stack overview">
      <PageHeading title={meta().name || t('common.untitledWorkspace')}>
        <span lang={meta().name ? CONTENT_LANG.lang : undefined}>{meta().name || t('common.untitledWorkspace')}</span>
      </PageHeading>
      <DeletionFlag readOnly={props.readOnly} />
      <Show when={saved()}>
        <Alert tone="success" title={t('overview.saved')} />
      </Show>
      <Show
        when={editing()}
        fallback={
          <>
            <Show when={meta().description} fallback={<p class="muted">{t('overview.noDescription')}</p>}>
              <p class="lead overview-description" {...CONTENT_LANG}>{meta().description}</p>
            </Show>
            <dl class="details overview-details">
              <dt>{t('details.leadCouncil')}</dt>
              <dd>{meta().leadCouncil || t('common.notSet')}</dd>
              <dt>{t('details.partnerCouncils')}</dt>
              <dd>
                <Show when={meta().partnerCouncils.length > 0} fallback={t('overview.noneListed')}>
                  <ul class="inline-list">
                    <For each={meta().partnerCouncils}>{(c) => <li>{c}</li>}</For>
                  </ul>
                </Show>
              </dd>
              <dt>{t('details.startDate')}</dt>
              <dd>{formatStartDate(meta().startDate)}</dd>
              <Show when={meta().createdBy}>
                {(by) => (
                  <>
                    <dt>{t('overview.created')}</dt>
                    <dd>
                      {t('overview.createdBy', { when: formatAbsolute(meta().createdAt), name: by().name, organisation: by().organisation })}
                    </dd>
                  </>
                )}
              </Show>
            </dl>
            <div class="actions">
              <button
                type="button"
                class="button"
                ref={(el) => {
                  // Back from the form (saved or cancelled): keyboard users land where they left.
                  if (returnFocus) queueMicrotask(() => el.focus())
                  returnFocus = false
                }}
                disabled={props.readOnly}
                onClick={() => {
                  setSaved(false)
                  // What the form starts from: saving applies only what this person changed.
                  formStart = pickDetails(meta())
                  setEditing(true)
                }}
              >
                {t('overview.edit')}
              </button>
            </div>
          </>
        }
      >
        <h2 tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
          {t('overview.edit')}
        </h2>
        <WorkspaceDetailsForm
          initial={meta()}
          submitLabel={t('overview.save')}
          disabled={props.readOnly}
          onSave={async (details) => {
            updateWorkspaceDetails(props.doc, detailsEdit(formStart ?? details, details, pickDetails(meta())))
            returnFocus = true
            setEditing(false)
            setSaved(true)
          }}
          onCancel={() => {
            returnFocus = true
            setEditing(false)
          }}
        />
      </Show>
      <section aria-labelledby="members-title" class="panel">
        <h2 id="members-title">{t('overview.people')}</h2>
        <Show when={members().length > 0} fallback={<p class="muted">{t('overview.nobody')}</p>}>
          <ul class="people-list">
            <For each={membersFirst(members(), standing())}>
              {(m) => (
                <li>
                  <Avatar name={m.name} colour={m.colour} />
                  <span>
                    {m.name} <span class="muted">— {m.organisation}</span>
                    <Show when={standingText(standing()(m.id))}>{(text) => <span class="person-standing"> · {text()}</span>}</Show>
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={trust()}>
          <p class="hint">{t('overview.people.access')}</p>
        </Show>
      </section>
      <DataSafetyPanel doc={props.doc} entry={props.entry} />
      <VersionsPanel doc={props.doc} readOnly={props.readOnly} />
      <RecoveryPanel readOnly={props.readOnly} />
    </article>
  )
}
