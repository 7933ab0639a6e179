import { For, Show, createMemo, createSignal } from 'solid-js'
import * as Y from 'yjs'
import { artifactBody } from '../../../crdt/artifacts'
import { readAuthorship, contributorsBetween } from '../../../crdt/authorship'
import { compareFragment } from '../../../crdt/compare-fragments'
import { restoreArtifactToVersion, versionSnapshot } from '../../../crdt/versions'
import type { ArtifactId } from '../../../domain/ids'
import type { ArtifactSummary } from '../../../domain/artifact'
import { createMembers } from '../../../reactive/workspace-projections'
import { createVersions } from '../../../reactive/version-projections'
import { useActor } from '../../app-context'
import { PageHeading } from '../../components/PageHeading'
import { RelativeTime } from '../../components/RelativeTime'
import { href } from '../../router'
import { VERSION_KIND_LABELS } from '../versions/VersionsPanel'
import { CompareView, type PersonLook } from './CompareView'
import './history.css'

type Showing = { versionId: string; mode: 'view' | 'compare' } | null

const UNKNOWN_PERSON: PersonLook = { name: 'someone not in the member list', colour: '#4b5563' }

/**
 * The history of one artifact: every version with who changed it since the one before, the
 * text as it was, a comparison with now coloured by author, and restore.
 */
export const ArtifactHistory = (props: {
  doc: Y.Doc
  workspaceId: string
  artifact: ArtifactSummary
  readOnly: boolean
}) => {
  const actor = useActor()
  const versions = createVersions(props.doc)
  const members = createMembers(props.doc)
  const [showing, setShowing] = createSignal<Showing>(null)
  const [notice, setNotice] = createSignal<string | null>(null)
  const id = () => props.artifact.id as ArtifactId
  const hasText = () => artifactBody(props.doc, id()) !== null

  const people = (memberId: string | null): PersonLook => {
    const member = members().find((m) => m.id === memberId)
    return member ? { name: member.name, colour: member.colour } : UNKNOWN_PERSON
  }

  /** Contributors per version: what changed in this artifact since the version before it. */
  const rows = createMemo(() => {
    const list = versions()
    const authorship = readAuthorship(props.doc)
    return list.map((version, index) => {
      const snapshot = versionSnapshot(props.doc, version.id)
      const older = list[index + 1]
      const previous = older ? versionSnapshot(props.doc, older.id) : null
      const contributors = snapshot ? contributorsBetween(props.doc, id(), previous, snapshot, authorship) : []
      return { version, contributors: contributors.map((m) => people(m).name) }
    })
  })

  const shown = createMemo(() => {
    const current = showing()
    const body = artifactBody(props.doc, id())
    const snapshot = current ? versionSnapshot(props.doc, current.versionId) : null
    if (!current || !snapshot || !body) return null
    const now = current.mode === 'compare' ? Y.snapshot(props.doc) : snapshot
    return { ...current, blocks: compareFragment(body, snapshot, now, readAuthorship(props.doc)) }
  })

  const restore = (versionId: string, name: string): void => {
    const who = actor()
    if (!who) return
    if (restoreArtifactToVersion(props.doc, id(), versionId, who, Date.now())) {
      setNotice(`Restored “${props.artifact.title}” to “${name}”. What was there before was saved as a version, so this can be undone.`)
      setShowing(null)
    } else {
      setNotice(`“${props.artifact.title}” did not exist yet in “${name}”, so there is nothing to restore.`)
    }
  }

  return (
    <section class="stack history">
      <nav aria-label="Breadcrumb">
        <a href={href.artifact(props.workspaceId, props.artifact.id)}>Back to “{props.artifact.title}”</a>
      </nav>
      <PageHeading title={`History of “${props.artifact.title}”`} />
      <Show when={notice()}>
        <p class="status-line status-ok" role="status">
          {notice()}
        </p>
      </Show>
      <Show
        when={rows().length > 0}
        fallback={<p class="muted">No versions yet. Name a version from the workspace overview, or keep working: one is kept each day.</p>}
      >
        <ul class="version-list" aria-label="Versions">
          <For each={rows()}>
            {(row) => (
              <li>
                <div>
                  <span class="version-name">{row.version.name}</span> <span class="tag">{VERSION_KIND_LABELS[row.version.kind]}</span>
                  <p class="meta">
                    <RelativeTime time={row.version.createdAt} /> · saved by {row.version.createdBy.name}
                    <Show when={row.contributors.length > 0}> · changes since the version before by {row.contributors.join(', ')}</Show>
                  </p>
                </div>
                <div class="actions">
                  <Show when={hasText()}>
                    <button type="button" class="button small" aria-label={`View ${row.version.name}`} onClick={() => setShowing({ versionId: row.version.id, mode: 'view' })}>
                      View
                    </button>
                    <button type="button" class="button small" aria-label={`Compare ${row.version.name} with now`} onClick={() => setShowing({ versionId: row.version.id, mode: 'compare' })}>
                      Compare with now
                    </button>
                  </Show>
                  <button
                    type="button"
                    class="button small"
                    disabled={props.readOnly}
                    aria-label={`Restore ${row.version.name}`}
                    onClick={() => restore(row.version.id, row.version.name)}
                  >
                    Restore
                  </button>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={shown()}>
        {(s) => (
          <section class="panel" aria-labelledby="history-shown-title">
            <h2 id="history-shown-title">
              {s().mode === 'compare' ? 'Changes since' : 'As it was in'} “{versions().find((v) => v.id === s().versionId)?.name}”
            </h2>
            <Show when={s().mode === 'compare'}>
              <p class="hint">Added text is underlined and removed text is struck through, in the colour of the person who changed it.</p>
            </Show>
            <CompareView blocks={s().blocks} people={people} />
            <div class="actions">
              <button type="button" class="button" onClick={() => setShowing(null)}>
                Close
              </button>
            </div>
          </section>
        )}
      </Show>
    </section>
  )
}
