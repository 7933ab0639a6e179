import { createEffect, createMemo, createSignal, on, onCleanup } from 'solid-js'
import type * as Y from 'yjs'
import { addRevealedDrafts, setWaitingNotes } from '../../../crdt/board-brainstorm'
import type { BoardActor, BoardState } from '../../../crdt/board'
import { draftFate, type BrainstormDraft } from '../../../domain/brainstorm-draft'
import { makeArtifactId, type ArtifactId } from '../../../domain/ids'
import type { BrainstormDraftStore } from '../../../storage/brainstorm-draft-store'
import { readDeviceId } from '../../../sync/device-id'
import { t } from '../../i18n/t'

export type DraftsStatus = 'loading' | 'ready' | 'error'

/** This person's silent-brainstorm notes on this device, and what the board does with them. */
export interface BrainstormDrafts {
  status: () => DraftsStatus
  /** Notes of the brainstorm under way: on this screen only. */
  underWay: () => BrainstormDraft[]
  /** Notes of a brainstorm the facilitator ended without a reveal: still only here. */
  unrevealed: () => BrainstormDraft[]
  /** A problem saving or adding notes, in words for the person; null when there is none. */
  problem: () => string | null
  add: (input: { text: string; colour: string; columnId: string }) => boolean
  edit: (id: string, patch: { text: string; colour: string }) => void
  remove: (ids: readonly string[]) => void
  /** Adds the notes of an unrevealed brainstorm to the board (the person chose to share them). */
  share: (ids: readonly string[]) => void
}

/**
 * Keeps a person's brainstorm notes in this device's own store (never the shared document),
 * tells the board how many there are (a count only), and at the reveal adds them to the board
 * in one change and then forgets them here. A device that was closed at the reveal does so
 * when it next opens the board; adding is idempotent (see addRevealedDrafts), so a crash
 * between adding and forgetting adds nothing twice.
 */
export const createBrainstormDrafts = (options: {
  store: BrainstormDraftStore
  doc: Y.Doc
  workspaceId: string
  boardId: ArtifactId
  me: () => BoardActor
  state: () => BoardState
  readOnly: () => boolean
}): BrainstormDrafts => {
  const { store, doc, workspaceId, boardId } = options
  const deviceId = readDeviceId()
  const [drafts, setDrafts] = createSignal<BrainstormDraft[]>([])
  const [status, setStatus] = createSignal<DraftsStatus>('loading')
  const [problem, setProblem] = createSignal<string | null>(null)
  let disposed = false
  onCleanup(() => {
    disposed = true
  })
  // Memos, so the effects below run when these change, not on every change to the board.
  const active = createMemo(() => options.state().settings.activeBrainstormId)
  const endsSeen = createMemo(() => JSON.stringify(options.state().brainstorms.ends))
  const heldCount = createMemo(() => drafts().filter((d) => d.brainstormId === active()).length)
  const fateOf = (draft: BrainstormDraft) => draftFate(draft.brainstormId, active(), options.state().brainstorms.ends)

  const report = (what: string) => (error: unknown) => {
    if (!disposed) setProblem(`${what} ${error instanceof Error ? error.message : String(error)}`)
  }

  void store
    .list(workspaceId, boardId, options.me().memberId)
    .then((stored) => {
      if (disposed) return
      setDrafts(stored)
      setStatus('ready')
    })
    .catch((error: unknown) => {
      setStatus('error')
      report(t('board.drafts.unreadable'))(error)
    })

  /** Tells the board how many notes this device holds back in the brainstorm under way. */
  const publishCount = (): void => {
    const brainstormId = active()
    if (!brainstormId || options.readOnly()) return
    try {
      setWaitingNotes(doc, boardId, brainstormId, deviceId, heldCount(), options.me())
    } catch (error) {
      report(t('board.drafts.countFailed'))(error)
    }
  }

  let adding = false
  let again = false
  /**
   * Adds every draft whose brainstorm was revealed, then forgets those drafts here. The store
   * is read afresh first: another tab of this device may have written drafts this one has not
   * seen (adding a draft twice adds it once, see addRevealedDrafts).
   */
  const addRevealed = async (): Promise<void> => {
    if (adding) {
      again = true
      return
    }
    if (options.readOnly()) return
    adding = true
    try {
      const stored = await store.list(workspaceId, boardId, options.me().memberId)
      if (disposed) return
      const known = new Set(drafts().map((d) => d.id))
      const all = [...drafts(), ...stored.filter((d) => !known.has(d.id))]
      const due = all.filter((d) => fateOf(d) === 'add-to-board')
      const ids = new Set(due.map((d) => d.id))
      if (due.length > 0) addRevealedDrafts(doc, boardId, due, deviceId, options.me())
      setDrafts(all.filter((d) => !ids.has(d.id)))
      if (due.length > 0) await store.remove([...ids])
    } catch (error) {
      report(t('board.drafts.notAddedYet'))(error)
    } finally {
      adding = false
    }
    if (again) {
      again = false
      await addRevealed()
    }
  }

  createEffect(on([status, active, heldCount], ([loaded]) => loaded === 'ready' && publishCount()))
  createEffect(on([status, active, endsSeen], ([loaded]) => loaded === 'ready' && void addRevealed()))

  return {
    status,
    underWay: () => drafts().filter((d) => fateOf(d) === 'keep-private'),
    unrevealed: () => drafts().filter((d) => fateOf(d) === 'ended-unrevealed'),
    problem,
    add: (input) => {
      const brainstormId = active()
      if (!brainstormId || status() !== 'ready') return false
      const draft: BrainstormDraft = {
        id: makeArtifactId(),
        workspaceId,
        boardId,
        brainstormId,
        authorId: options.me().memberId,
        createdAt: Date.now(),
        ...input
      }
      setProblem(null)
      setDrafts((all) => [...all, draft])
      store.save(draft).catch((error: unknown) => {
        setDrafts((all) => all.filter((d) => d.id !== draft.id))
        report(t('board.drafts.notKept'))(error)
      })
      return true
    },
    edit: (id, patch) => {
      const current = drafts().find((d) => d.id === id)
      if (!current) return
      const next = { ...current, ...patch }
      setDrafts((all) => all.map((d) => (d.id === id ? next : d)))
      store.save(next).catch(report(t('board.drafts.changeNotKept')))
    },
    remove: (ids) => {
      const gone = new Set(ids)
      setDrafts((all) => all.filter((d) => !gone.has(d.id)))
      store.remove(ids).catch(report(t('board.drafts.notDeleted')))
    },
    share: (ids) => {
      const chosen = new Set(ids)
      const shared = drafts().filter((d) => chosen.has(d.id))
      try {
        addRevealedDrafts(doc, boardId, shared, deviceId, options.me())
      } catch (error) {
        report(t('board.drafts.notAdded'))(error)
        return
      }
      setDrafts((all) => all.filter((d) => !chosen.has(d.id)))
      store.remove(ids).catch(report(t('board.drafts.notCleared')))
    }
  }
}
