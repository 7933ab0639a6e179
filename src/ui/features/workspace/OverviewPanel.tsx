import { For, Show, createSignal } from 'solid-js'
import type * as Y from 'yjs'
import { updateWorkspaceDetails } from '../../../crdt/workspace-meta'
import { createMembers, createWorkspaceMeta } from '../../../reactive/workspace-projections'
import { Alert } from '../../components/Alert'
import { PageHeading } from '../../components/PageHeading'
import { formatAbsolute } from '../../components/RelativeTime'
import { WorkspaceDetailsForm } from '../workspaces/WorkspaceDetailsForm'
import { DataSafetyPanel } from '../data-safety/DataSafetyPanel'
import { VersionsPanel } from '../versions/VersionsPanel'
import type { RegistryEntry } from '../../../domain/registry-entry'

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' })
const formatDate = (iso: string): string => (iso ? dateFormat.format(new Date(`${iso}T12:00:00`)) : 'Not set')

/** The lab at a glance: its details, councils and people, and a form to edit them. */
export const OverviewPanel = (props: { doc: Y.Doc; entry: RegistryEntry; readOnly: boolean }) => {
  const meta = createWorkspaceMeta(props.doc)
  const members = createMembers(props.doc)
  const [editing, setEditing] = createSignal(false)
  const [saved, setSaved] = createSignal(false)

  return (
    <article class="stack overview">
      <PageHeading title={meta().name || 'Untitled workspace'} />
      <Show when={saved()}>
        <Alert tone="success" title="Details saved" />
      </Show>
      <Show
        when={editing()}
        fallback={
          <>
            <Show when={meta().description} fallback={<p class="muted">No description yet.</p>}>
              <p class="lead">{meta().description}</p>
            </Show>
            <dl class="details">
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
                disabled={props.readOnly}
                onClick={() => {
                  setSaved(false)
                  setEditing(true)
                }}
              >
                Edit details
              </button>
            </div>
          </>
        }
      >
        <h2>Edit details</h2>
        <WorkspaceDetailsForm
          initial={meta()}
          submitLabel="Save details"
          disabled={props.readOnly}
          onSave={async (details) => {
            updateWorkspaceDetails(props.doc, details)
            setEditing(false)
            setSaved(true)
          }}
          onCancel={() => setEditing(false)}
        />
      </Show>
      <section aria-labelledby="members-title" class="panel">
        <h2 id="members-title">People in this workspace</h2>
        <Show when={members().length > 0} fallback={<p class="muted">Nobody has opened this workspace yet.</p>}>
          <ul class="member-list">
            <For each={members()}>
              {(m) => (
                <li>
                  <span class="avatar" style={{ 'background-color': m.colour }} aria-hidden="true">
                    {m.name.slice(0, 1).toUpperCase()}
                  </span>
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
    </article>
  )
}
