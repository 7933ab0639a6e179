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

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' })
const formatDate = (iso: string): string => (iso ? dateFormat.format(new Date(`${iso}T12:00:00`)) : 'Not set')

/** The lab at a glance: its details, councils and people, and a form to edit them. */
export const OverviewPanel = (props: { doc: Y.Doc; entry: RegistryEntry; readOnly: boolean }) => {
  const meta = createWorkspaceMeta(props.doc)
  const members = createMembers(props.doc)
  const [editing, setEditing] = createSignal(false)
  const [saved, setSaved] = createSignal(false)
  let returnFocus = false
  let formStart: WorkspaceDetails | null = null

  return (
    <article class="stack overview">
      <PageHeading title={meta().name || 'Untitled workspace'} />
      <DeletionFlag readOnly={props.readOnly} />
      <Show when={saved()}>
        <Alert tone="success" title="Details saved" />
      </Show>
      <Show
        when={editing()}
        fallback={
          <>
            <Show when={meta().description} fallback={<p class="muted">No description yet.</p>}>
              <p class="lead overview-description">{meta().description}</p>
            </Show>
            <dl class="details overview-details">
              <dt>Lead council</dt>
              <dd>{meta().leadCouncil || 'Not set'}</dd>
              <dt>Partner councils</dt>
              <dd>
                <Show when={meta().partnerCouncils.length > 0} fallback="None listed">
                  <ul class="inline-list">
                    <For each={meta().partnerCouncils}>{(c) => <li>{c}</li>}</For>
                  </ul>
                </Show>
              </dd>
              <dt>Start date</dt>
              <dd>{formatDate(meta().startDate)}</dd>
              <Show when={meta().createdBy}>
                {(by) => (
                  <>
                    <dt>Created</dt>
                    <dd>
                      {formatAbsolute(meta().createdAt)} by {by().name} ({by().organisation})
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
                Edit details
              </button>
            </div>
          </>
        }
      >
        <h2 tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
          Edit details
        </h2>
        <WorkspaceDetailsForm
          initial={meta()}
          submitLabel="Save details"
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
        <h2 id="members-title">People in this workspace</h2>
        <Show when={members().length > 0} fallback={<p class="muted">Nobody has opened this workspace yet.</p>}>
          <ul class="member-list">
            <For each={members()}>
              {(m) => (
                <li>
                  <Avatar name={m.name} colour={m.colour} />
                  <span>
                    {m.name} <span class="muted">— {m.organisation}</span>
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <DataSafetyPanel doc={props.doc} entry={props.entry} />
      <VersionsPanel doc={props.doc} readOnly={props.readOnly} />
      <RecoveryPanel readOnly={props.readOnly} />
    </article>
  )
}
