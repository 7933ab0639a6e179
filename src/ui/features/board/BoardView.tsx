import { For, Show, createMemo, createSignal, createUniqueId, on, createEffect } from 'solid-js'
import type { BoardActor, BoardState } from '../../../crdt/board'
import { canEditBoard, countingDots, dotsLeft, isFacilitator, isNoteVisibleTo, rankNotes } from '../../../domain/board'
import type { StoredProfile } from '../../../domain/stored-profile'
import { createBoardState } from '../../../reactive/board'
import { createArtifactSummaries } from '../../../reactive/workspace-projections'
import { useApp } from '../../app-context'
import { createPeopleHere } from '../presence/create-people-here'
import { useWorkspaceSync } from '../sync-status/sync-context'
import { Alert } from '../../components/Alert'
import { PageHeading } from '../../components/PageHeading'
import type { ArtifactViewProps } from '../workspace/artifact-views'
import { AddColumnForm } from './AddColumnForm'
import { BoardColumnView } from './BoardColumnView'
import { onRevealRequest } from '../search/reveal-request'
import { BoardProvider, noteElementId, notesLabel, type BoardContextValue } from './board-context'
import { BoardStatus } from './BoardStatus'
import { FacilitatorTools } from './FacilitatorTools'
import { TimerPanel } from './TimerPanel'
import { VotePanel } from './VotePanel'
import { DeletedNotes } from './DeletedNotes'
import { RemovedColumns } from './RemovedColumns'
import { VoteResults } from './VoteResults'
import { WorkshopEvidence } from './WorkshopEvidence'
import './board.css'
import { createAnnouncer } from '../../components/create-announcer'
import { createActionProblem } from '../../components/create-action-problem'
import { focusAfterRender } from '../../components/focus-after-render'
import { createBrainstormDrafts } from './create-brainstorm-drafts'
import { t } from '../../i18n/t'
import { columnName } from './column-name'

/** A workshop board: the artifact view registered for kind 'board'. */
const BoardView = (props: ArtifactViewProps) => {
  const app = useApp()
  const board = createBoardState(props.doc, props.artifactId)
  const summaries = createArtifactSummaries(props.doc)
  const title = () => summaries().find((a) => a.id === props.artifactId)?.title || t('board.untitled')
  const profile = (): StoredProfile | null => {
    const read = app.profile()
    return read.status === 'ok' ? read.profile : null
  }
  return (
    <Show when={profile()} fallback={<p>{t('board.needsProfile')}</p>}>
      {(me) => (
        <Show
          when={board()}
          fallback={
            <section class="stack">
              <PageHeading title={title()} />
              <p>{t('board.notArrived')}</p>
            </section>
          }
        >
          {(state) => <OpenBoard {...props} state={state} title={title()} profile={me()} />}
        </Show>
      )}
    </Show>
  )
}

export default BoardView

const OpenBoard = (
  props: ArtifactViewProps & { state: () => BoardState; title: string; profile: StoredProfile }
) => {
  const me = (): BoardActor => ({
    memberId: props.profile.id,
    name: props.profile.name,
    organisation: props.profile.organisation
  })
  const settings = () => props.state().settings
  const { problem, act } = createActionProblem()
  const { message: announcement, announce } = createAnnouncer()
  const [editing, setEditing] = createSignal<string | null>(null)
  const [renamingCluster, setRenamingCluster] = createSignal<string | null>(null)
  // The facilitator's tools fold behind their button, so the columns have the first screen.
  const [toolsOpen, setToolsOpen] = createSignal(false)
  const toolsId = createUniqueId()
  const sync = useWorkspaceSync()
  const peopleHere = createPeopleHere(sync, () => props.profile.id)
  const peopleOnBoard = () => peopleHere().filter((p) => p.viewing.includes(props.artifactId))
  const drafts = createBrainstormDrafts({
    store: useApp().brainstormDrafts,
    doc: props.doc,
    workspaceId: props.session.id,
    boardId: props.artifactId,
    me,
    state: () => props.state(),
    readOnly: () => props.readOnly
  })
  const waiting = () => props.state().brainstorms.waiting

  const liveNoteIds = createMemo(
    () => new Set(props.state().notes.filter((n) => n.deletedAt === null).map((n) => n.id))
  )
  const visibleNotes = createMemo(() =>
    props.state().notes.filter((n) => isNoteVisibleTo(n, settings(), me().memberId))
  )
  const counting = createMemo(() => {
    const round = props.state().round
    return round ? countingDots(round, props.state().dots, liveNoteIds()) : []
  })
  const tally = createMemo(() => {
    const total = new Map<string, number>()
    const mine = new Map<string, number>()
    for (const dot of counting()) {
      total.set(dot.noteId, (total.get(dot.noteId) ?? 0) + 1)
      if (dot.voterId === me().memberId) mine.set(dot.noteId, (mine.get(dot.noteId) ?? 0) + 1)
    }
    return { total, mine }
  })
  const ranking = createMemo(() => rankNotes(counting(), visibleNotes().map((n) => n.id)))
  const rankById = createMemo(() => new Map(ranking().map((r) => [r.noteId, r])))

  const context: BoardContextValue = {
    doc: props.doc,
    boardId: props.artifactId,
    workspaceId: props.session.id,
    board: () => props.state(),
    me,
    isFacilitator: () => isFacilitator(settings(), me().memberId),
    canEdit: () => !props.readOnly && canEditBoard(settings(), me().memberId),
    visibleNotes,
    deletedNotes: () =>
      props.state().notes.filter(
        (n) => n.deletedAt !== null && isNoteVisibleTo({ ...n, deletedAt: null }, settings(), me().memberId)
      ),
    // Notes held back on others' devices (a count each device publishes), and any private
    // note an earlier version of Mutual wrote into the shared board.
    hiddenCount: () =>
      waiting()
        .filter((w) => w.brainstormId === settings().activeBrainstormId && w.memberId !== me().memberId)
        .reduce((sum, w) => sum + w.count, 0) +
      props.state().notes.filter(
        (n) => n.deletedAt === null && !isNoteVisibleTo(n, settings(), me().memberId)
      ).length,
    drafts,
    stillToArrive: () =>
      waiting()
        .filter((w) => w.brainstormId !== settings().activeBrainstormId)
        .reduce((sum, w) => sum + w.count, 0),
    clustersIn: (columnId) => props.state().clusters.filter((c) => c.columnId === columnId),
    counting,
    myDotsOn: (noteId) => tally().mine.get(noteId) ?? 0,
    totalOn: (noteId) => tally().total.get(noteId) ?? 0,
    dotsLeft: () => {
      const round = props.state().round
      return round ? dotsLeft(round, counting(), me().memberId) : 0
    },
    ranking,
    rankOf: (noteId) => rankById().get(noteId),
    authorLabel: (note) => (settings().anonymous ? t('board.nameHidden') : note.authorName || t('board.someone')),
    columnTitle: (columnId) => {
      const column = props.state().columns.find((c) => c.id === columnId)
      return column ? columnName(column) : t('board.aColumn')
    },
    announce,
    act,
    focusNote: (noteId) =>
      // The note may have been re-rendered in another column.
      focusAfterRender(() => document.getElementById(noteElementId(noteId))?.querySelector<HTMLElement>('[data-note-focus]')),
    editing,
    setEditing,
    renamingCluster,
    setRenamingCluster,
    sync,
    peopleHere,
    peopleOnBoard
  }

  // Changes made by the facilitator elsewhere are announced, so nobody misses them.
  createEffect(
    on(
      () => [props.state().round?.id, props.state().round?.status] as const,
      ([id, status], previous) => {
        if (!previous || !id) return
        const round = props.state().round
        if (!round) return
        if (id !== previous[0] && status === 'open')
          announce(t('board.said.voteOpen', { count: round.dotsPerPerson }))
        else if (status === 'closed' && previous[1] === 'open') announce(t('board.said.voteClosed'))
        else if (status === 'revealed' && previous[1] !== 'revealed') announce(t('board.said.voteRevealed'))
      },
      { defer: false }
    )
  )
  createEffect(
    on(
      () => settings().activeBrainstormId,
      (active, previous) => {
        if (active && active !== previous) announce(t('board.said.brainstormStarted'))
        else if (!active && previous) announce(t('board.said.brainstormOver'))
      },
      { defer: true }
    )
  )
  // Columns removed or restored on another device; a local change announces itself afterwards.
  createEffect(
    on(
      () => props.state().removedColumns.map((r) => r.column.id).join(' '),
      (now, before) => {
        const was = new Set(before ? before.split(' ').filter(Boolean) : [])
        const is = new Set(now.split(' ').filter(Boolean))
        const title = (id: string): string => {
          const column = [...props.state().columns, ...props.state().removedColumns.map((r) => r.column)].find((c) => c.id === id)
          return column ? columnName(column) : ''
        }
        const removed = [...is].filter((id) => !was.has(id)).map(title).filter(Boolean)
        const restored = [...was].filter((id) => !is.has(id)).map(title).filter(Boolean)
        const said = [
          ...removed.map((title) => t('board.said.columnRemoved', { title })),
          ...restored.map((title) => t('board.said.columnBack', { title }))
        ]
        if (said.length > 0) announce(said.join(' '))
      },
      { defer: true }
    )
  )
  // Opened from a search result: bring that note into view and focus it.
  onRevealRequest(() => props.artifactId, () => true, (request) => {
    if (request.target.kind === 'board-note') context.focusNote(request.target.noteId)
  })
  createEffect(
    on(
      () => settings().locked,
      (locked) => announce(locked ? t('board.said.locked') : t('board.said.unlocked')),
      { defer: true }
    )
  )

  return (
    <BoardProvider value={context}>
      <article class="board">
        <div class="board-head">
          <PageHeading title={props.title} />
          <p class="muted">
            {notesLabel(visibleNotes().length + drafts.underWay().length)} ·{' '}
            {t('board.columns', { count: props.state().columns.length })} ·{' '}
            {peopleOnBoard().length === 0 ? t('board.onlyYou') : t('board.peopleHere', { count: peopleOnBoard().length + 1 })}
          </p>
          <Show when={context.isFacilitator()}>
            <button
              type="button"
              class="button small facilitator-toggle"
              aria-expanded={toolsOpen()}
              aria-controls={toolsId}
              onClick={() => setToolsOpen(!toolsOpen())}
            >
              {t('board.facilitatorTools')}
            </button>
          </Show>
        </div>
        <Show when={context.isFacilitator()}>
          <FacilitatorTools id={toolsId} open={toolsOpen()} readOnly={props.readOnly} />
        </Show>
        <Show when={problem()}>
          <Alert tone="error" title={t('board.notMade')}>
            <p>{problem()}</p>
          </Alert>
        </Show>
        <BoardStatus />
        {/* The timer and the vote in one compact row: the board is the first screen. */}
        <div class="board-tools">
          <TimerPanel />
          <VotePanel />
        </div>
        <div class="board-columns">
          <For each={props.state().columns}>{(column, index) => <BoardColumnView column={column} index={index()} />}</For>
        </div>
        {/* Below the columns, so the board starts on the first screen; each note's Actions
            button also announces the keys (aria-keyshortcuts). */}
        <Show when={context.canEdit()}>
          <p class="hint board-keys">{t('board.keysTip')}</p>
        </Show>
        <Show when={context.isFacilitator() && context.canEdit()}>
          <AddColumnForm />
        </Show>
        <VoteResults />
        <DeletedNotes />
        <RemovedColumns />
        <WorkshopEvidence title={props.title} />
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          {announcement()}
        </div>
      </article>
    </BoardProvider>
  )
}
