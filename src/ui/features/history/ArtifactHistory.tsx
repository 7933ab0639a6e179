import { For, Show, createMemo, createSignal } from 'solid-js'
import * as Y from 'yjs'
import { artifactBody } from '../../../crdt/artifacts'
import { readAuthorship, contributorsBetween } from '../../../crdt/authorship'
import { compareFragment } from '../../../crdt/compare-fragments'
import { comparePartnerMap } from '../../../crdt/compare-partner-maps'
import { restoreArtifactToVersion, versionSnapshot } from '../../../crdt/versions'
import type { ArtifactId } from '../../../domain/ids'
import type { ArtifactSummary } from '../../../domain/artifact'
import { createMembers } from '../../../reactive/workspace-projections'
import { createVersions } from '../../../reactive/version-projections'
import { useActor } from '../../app-context'
import { PageHeading, focusPageHeading } from '../../components/PageHeading'
import { RelativeTime } from '../../components/RelativeTime'
import { href } from '../../router'
import { versionKindLabel } from '../versions/VersionsPanel'
import { CompareView, type PersonLook } from './CompareView'
import { LabPlanCompare } from './LabPlanCompare'
import { PartnerMapCompare } from './PartnerMapCompare'
import { RestoreVersionDialog, type RestoreRequest } from '../versions/RestoreVersionDialog'
import './history.css'
import { focusAfterRender } from '../../components/focus-after-render'
import { t } from '../../i18n/t'
import { versionName } from '../versions/version-name'
import { artifactTitle } from '../../i18n/artifact-title'

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
  /** The version being shown, named as every list names it (automatic names in the reader's language). */
  const shownVersionName = (versionId: string): string => {
    const version = versions().find((v) => v.id === versionId)
    return version ? versionName(version) : ''
  }
  const members = createMembers(props.doc)
  const [showing, setShowing] = createSignal<Showing>(null)
  const [notice, setNotice] = createSignal<{ tone: 'ok' | 'warning'; text: string } | null>(null)
  const [restoring, setRestoring] = createSignal<RestoreRequest | null>(null)
  let noticeLine: HTMLParagraphElement | undefined
  let shownHeading: HTMLHeadingElement | undefined
  const id = () => props.artifact.id as ArtifactId
  /** What "View" and "Compare" show: rich text for notes and reports, partners for a map. */
  const content = (): 'text' | 'partners' | 'plan' | null => {
    const kind = props.artifact.kind
    if (kind === 'partner-map') return 'partners'
    if (kind === 'lab-plan') return 'plan'
    return kind === 'note' || kind === 'report' ? 'text' : null
  }

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
    if (!current) return null
    // The lab plan compares itself (and can compare two versions): see LabPlanCompare.
    if (content() === 'plan') return { ...current, comparison: null, blocks: null }
    if (content() === 'partners') {
      return { ...current, comparison: comparePartnerMap(props.doc, id(), current.versionId, current.mode === 'compare'), blocks: null }
    }
    const body = artifactBody(props.doc, id())
    const snapshot = versionSnapshot(props.doc, current.versionId)
    if (!snapshot || !body) return null
    const now = current.mode === 'compare' ? Y.snapshot(props.doc) : snapshot
    return { ...current, comparison: null, blocks: compareFragment(body, snapshot, now, readAuthorship(props.doc)) }
  })

  const restore = ({ versionId, versionName }: RestoreRequest): void => {
    const who = actor()
    setRestoring(null)
    if (!who) return
    if (restoreArtifactToVersion(props.doc, id(), versionId, who, Date.now())) {
      setNotice({
        tone: 'ok',
        text: t('history.restored', { title: artifactTitle(props.artifact), version: versionName })
      })
      setShowing(null)
    } else {
      setNotice({ tone: 'warning', text: t('history.notThere', { title: artifactTitle(props.artifact), version: versionName }) })
    }
    // The list is redrawn with the new "before restoring" version, so the button that was
    // pressed is gone: focus goes to the message saying what happened (after the dialog has
    // put focus back, which it does a microtask after closing).
    focusAfterRender(() => noticeLine)
  }

  /** The button that opened what is shown, to go back to when it is closed. */
  let opener: HTMLElement | null = null

  /** Shows a version's text (or the comparison) and takes focus there: it opens below the list. */
  const show = (next: NonNullable<Showing>): void => {
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setShowing(next)
    shownHeading?.scrollIntoView({ block: 'start' })
    shownHeading?.focus({ preventScroll: true })
  }

  const closeShown = (): void => {
    setShowing(null)
    if (opener?.isConnected) opener.focus()
    else focusPageHeading()
    opener = null
  }

  return (
    <section class="stack history">
      <nav aria-label={t('breadcrumb.label')}>
        <a href={href.artifact(props.workspaceId, props.artifact.id)}>{t('history.back', { title: artifactTitle(props.artifact) })}</a>
      </nav>
      <PageHeading title={t('history.title', { title: artifactTitle(props.artifact) })} />
      <Show when={notice()}>
        {(said) => (
          <p ref={noticeLine} class={`status-line status-${said().tone}`} role="status" tabindex="-1">
            {said().text}
          </p>
        )}
      </Show>
      <Show
        when={rows().length > 0}
        fallback={<p class="muted">{t('history.none')}</p>}
      >
        <ul class="version-list" aria-label={t('history.versions')}>
          <For each={rows()}>
            {(row) => (
              <li>
                <div>
                  <span class="version-name">{versionName(row.version)}</span> <span class="tag">{versionKindLabel(row.version.kind)}</span>
                  <p class="meta">
                    <RelativeTime time={row.version.createdAt} /> · {t('history.savedBy', { name: row.version.createdBy.name })}
                    <Show when={row.contributors.length > 0}> · {t('history.changesBy', { names: row.contributors.join(', ') })}</Show>
                  </p>
                </div>
                <div class="actions">
                  <Show when={content()}>
                    <button type="button" class="button small" aria-label={t('history.viewNamed', { version: versionName(row.version) })} onClick={() => show({ versionId: row.version.id, mode: 'view' })}>
                      {t('history.view')}
                    </button>
                    <button type="button" class="button small" aria-label={t('history.compareNamed', { version: versionName(row.version) })} onClick={() => show({ versionId: row.version.id, mode: 'compare' })}>
                      {t('history.compare')}
                    </button>
                  </Show>
                  <button
                    type="button"
                    class="button small"
                    disabled={props.readOnly}
                    aria-label={t('history.restoreNamed', { version: versionName(row.version) })}
                    onClick={() => setRestoring({ versionId: row.version.id, versionName: versionName(row.version) })}
                  >
                    {t('bin.restore')}
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
            <h2 id="history-shown-title" ref={shownHeading} tabindex="-1">
              {t(s().mode === 'compare' ? 'history.changesSince' : 'history.asItWas', { version: shownVersionName(s().versionId) })}
            </h2>
            <Show when={content() !== 'plan'} fallback={<LabPlanCompare doc={props.doc} planId={id()} versionId={s().versionId} mode={s().mode} versions={versions()} />}>
            <Show
              when={s().blocks}
              fallback={
                <Show when={s().comparison} fallback={<p class="muted">{t('history.notYet', { title: artifactTitle(props.artifact) })}</p>}>
                  {(comparison) => <PartnerMapCompare comparison={comparison()} mode={s().mode} />}
                </Show>
              }
            >
              {(blocks) => (
                <>
                  <Show when={s().mode === 'compare'}>
                    <p class="hint">{t('history.compareHint')}</p>
                  </Show>
                  <CompareView blocks={blocks()} people={people} underHeading={2} label={s().mode === 'compare' ? t('history.changesLabel') : t('history.asItWasLabel')} />
                </>
              )}
            </Show>
            </Show>
            <div class="actions">
              <button type="button" class="button" onClick={closeShown}>
                {t('common.close')}
              </button>
            </div>
          </section>
        )}
      </Show>
      <RestoreVersionDialog subject={artifactTitle(props.artifact)} request={restoring()} onRestore={restore} onClose={() => setRestoring(null)} />
    </section>
  )
}
