import { createSignal, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import type { WorkspaceId } from '../domain/ids'
import { checkpointBytes, MAX_CHECKPOINT_LABEL, type CheckpointHolds, type CheckpointReason, type DeletionBurst, type NewCheckpoint, type StoredCheckpoint } from '../domain/checkpoint'
import { isDestructiveRun } from '../domain/deletion-burst'
import { CHECKPOINT_BYTE_CAP } from '../domain/checkpoint-retention'
import { whenIdle } from '../domain/when-idle'
import { checkpointRestoreDetail } from '../domain/checkpoint-restore-name'
import { recoveryEn } from '../domain/i18n/areas/recovery.en'
import { captureCheckpoint, countHolds, restoreDeletedSince, versionSnapshotBytes, type RestoreDeletedResult } from '../crdt/checkpoints'
import { snapshotBeforeDeletions, type DeleteRanges, addDeletions } from '../crdt/delete-ranges'
import { whoDeleted } from '../crdt/deletion-author'
import { watchDeletions, type DeletionRun } from '../crdt/deletion-watch'
import { LOCAL_EDIT } from '../crdt/origins'
import { readVersions } from '../crdt/versions'
import { makeMemoryLocalHistory, openLocalHistory, type LocalHistoryStore } from '../storage/local-history'

/** A checkpoint as the recovery panel lists it. */
export interface CheckpointListItem {
  id: number
  at: number
  reason: CheckpointReason
  label: string | null
  holds: CheckpointHolds | null
  burst: DeletionBurst | null
  /** What it takes on this device, for "Storage on this device". */
  bytes: number
}

/** A destructive run of deletions, flagged on the overview with its one-step restore. */
export interface FlaggedDeletions {
  burst: DeletionBurst
  checkpointId: number
}

export interface LocalHistory {
  checkpoints(): Promise<CheckpointListItem[]>
  /** Brings back what was deleted since a checkpoint (crdt/checkpoints.ts says exactly what). */
  restore(checkpointId: number): Promise<RestoreDeletedResult>
  readonly flagged: Accessor<FlaggedDeletions | null>
  dismissFlag(): void
  /** Bumped whenever a checkpoint is stored, so a list on screen can read again. */
  readonly changes: Accessor<number>
  destroy(): void
}

export interface LocalHistoryOptions {
  doc: Y.Doc
  id: WorkspaceId
  storage: 'indexeddb' | 'memory'
  /** Who restores; null on a device with no profile yet (it cannot restore). */
  actor: () => Actor | null
  /** When a checkpoint is encoded: the browser's idle time by default, so no edit waits for it. */
  later?: (task: () => void) => () => void
  now?: () => number
  /** The bytes local history keeps (checkpoint-retention's cap; smaller in tests). */
  capBytes?: number
}

/** A checkpoint at most this often while changes are made or arrive. */
export const ACTIVITY_CHECKPOINT_MS = 10 * 60 * 1000
/** An incoming change at least this big gets a checkpoint of the workspace just before it. */
const LARGE_CHANGE_BYTES = 64 * 1024
/** A run of deletions is written down once it has been quiet this long. */
const RUN_SETTLE_MS = 1500

/**
 * The stored line of a checkpoint before deletions, in English: the list builds its own, in the
 * chosen language, from the run's counts (ui/features/recovery/describe-recovery.ts).
 */
const runLabel = (burst: DeletionBurst): string => {
  const parts = [
    burst.artifactsRemoved > 0 ? `${burst.artifactsRemoved} item${burst.artifactsRemoved === 1 ? '' : 's'}` : '',
    burst.versionsRemoved > 0 ? `${burst.versionsRemoved} version${burst.versionsRemoved === 1 ? '' : 's'}` : ''
  ].filter(Boolean)
  return `Before ${parts.join(' and ')} ${burst.artifactsRemoved + burst.versionsRemoved === 1 ? 'was' : 'were'} deleted${burst.by ? ` by ${burst.by}` : ''}`.slice(0, MAX_CHECKPOINT_LABEL)
}

const listItem = (c: StoredCheckpoint): CheckpointListItem => ({ id: c.id, at: c.at, reason: c.reason, label: c.label, holds: c.holds, burst: c.burst, bytes: checkpointBytes(c) })

/**
 * This device's own history of a workspace, kept outside the shared document: a checkpoint when
 * it opens, at most every ten minutes while it changes, just before a large incoming change and
 * before any run of deletions, and a copy of every version's snapshot. A destructive run of
 * deletions (isDestructiveRun) is flagged with a one-step restore. All encoding happens when
 * the browser is idle.
 */
export const startLocalHistory = (options: LocalHistoryOptions): LocalHistory => {
  const { doc } = options
  const later = options.later ?? ((task) => whenIdle(task, 5000))
  const now = options.now ?? Date.now
  const capBytes = options.capBytes ?? CHECKPOINT_BYTE_CAP
  const [flagged, setFlagged] = createSignal<FlaggedDeletions | null>(null)
  const [changes, setChanges] = createSignal(0)
  const cancels = new Set<() => void>()
  let destroyed = false
  // The opening's own checkpoint is on its way: a change as the workspace opens (this member's
  // own record, written on every open) took a second one, "while work was going on", at once.
  let lastCheckpointAt = now()
  let activityPending = false
  const copiedVersions = new Set<string>()

  const store: Promise<LocalHistoryStore> =
    options.storage === 'indexeddb' ? openLocalHistory(options.id).catch(() => makeMemoryLocalHistory()) : Promise.resolve(makeMemoryLocalHistory())

  /** Runs `task` when idle, unless the history has been stopped by then. */
  const idle = (task: () => void | Promise<void>): void => {
    const cancel = later(() => {
      cancels.delete(cancel)
      if (!destroyed) void Promise.resolve(task()).catch(() => {})
    })
    cancels.add(cancel)
  }

  const save = async (checkpoint: NewCheckpoint): Promise<number> => {
    const s = await store
    const id = await s.add(checkpoint)
    setChanges((n) => n + 1)
    return id
  }

  const checkpointNow = (reason: CheckpointReason, label: string | null = null): Promise<number> => {
    lastCheckpointAt = now()
    const { snapshot, holds } = captureCheckpoint(doc)
    return save({ at: lastCheckpointAt, reason, label, holds, burst: null, versionId: null, snapshot })
  }

  /** Resolves at the next idle moment, so work done one piece at a time never holds up typing. */
  const nextIdle = (): Promise<void> =>
    new Promise((resolve) => {
      const cancel = later(() => {
        cancels.delete(cancel)
        resolve()
      })
      cancels.add(cancel)
    })

  /**
   * Copies versions not copied before, newest first, one per idle moment (each resolves a whole
   * snapshot: tens of milliseconds in a lab of two years). A pass stops copying once it has
   * written the byte cap's worth: retention would drop older copies anyway, so they are only
   * marked as seen. Every version is remembered in the store, so a copy that retention later drops
   * is not made again on the next open.
   */
  const copyVersionsOnce = async (): Promise<void> => {
    const s = await store
    const fresh = readVersions(doc)
      .filter((version) => !copiedVersions.has(version.id))
      .sort((a, b) => b.createdAt - a.createdAt)
    let copiedBytes = 0
    const passedOver: string[] = []
    for (const version of fresh) {
      if (destroyed) return
      if (copiedVersions.has(version.id)) continue
      copiedVersions.add(version.id)
      if (copiedBytes >= capBytes) {
        passedOver.push(version.id)
        continue
      }
      await nextIdle()
      if (destroyed) return
      const snapshot = versionSnapshotBytes(doc, version.id)
      if (snapshot) {
        const copy: NewCheckpoint = { at: version.createdAt, reason: 'version', label: version.name.slice(0, MAX_CHECKPOINT_LABEL), holds: null, burst: null, versionId: version.id, snapshot }
        copiedBytes += checkpointBytes(copy)
        await save(copy)
      }
      await s.markCopied([version.id])
    }
    await s.markCopied(passedOver)
  }
  // One pass at a time: the opening's pass and an activity checkpoint's (changes arriving as the
  // workspace opens, as after an import) each copied every version, and the list showed two of each.
  let copying: Promise<void> = Promise.resolve()
  const copyNewVersions = (): Promise<void> => {
    copying = copying.then(copyVersionsOnce, copyVersionsOnce)
    return copying
  }

  // A run of deletions: its "before" is stored (and re-stored as it grows) once it settles.
  let run: DeletionRun | null = null
  let runCheckpoint: { run: DeletionRun; id: number } | null = null
  let runTimer: ReturnType<typeof setTimeout> | null = null
  const writeRun = async (): Promise<void> => {
    const current = run
    if (!current) return
    const burst: DeletionBurst = {
      by: whoDeleted(doc, current),
      artifactsRemoved: current.artifactsRemoved,
      versionsRemoved: current.versionsRemoved,
      startedAt: current.startedAt,
      lastAt: current.lastAt
    }
    const snapshot = snapshotBeforeDeletions(doc, current.stateVectorBefore, current.deletions)
    // Counted from the run, not by rebuilding the snapshot (seconds in a lab of half a year).
    const holds = { artifacts: current.artifactsBefore, binned: Math.max(0, countHolds(doc).binned - current.artifactsBinned), versions: current.versionsBefore }
    const record: NewCheckpoint = { at: current.startedAt, reason: 'before-deletions', label: runLabel(burst), holds, burst, versionId: null, snapshot }
    let id: number
    if (runCheckpoint?.run === current) {
      id = runCheckpoint.id
      await (await store).put({ ...record, id })
      setChanges((n) => n + 1)
    } else {
      id = await save(record)
      runCheckpoint = { run: current, id }
    }
    if (isDestructiveRun(current)) setFlagged({ burst, checkpointId: id })
  }
  const stopDeletions = watchDeletions(
    doc,
    (next) => {
      run = next
      if (runTimer) clearTimeout(runTimer)
      runTimer = setTimeout(() => idle(writeRun), RUN_SETTLE_MS)
    },
    now
  )

  const onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    if (update.length >= LARGE_CHANGE_BYTES && origin !== LOCAL_EDIT) {
      // Rebuilt when idle from the state just before this change (its deletions left out).
      const stateVector = new Map(transaction.beforeState)
      const deletions: DeleteRanges = new Map()
      addDeletions(deletions, transaction.deleteSet)
      idle(() => {
        const snapshot = snapshotBeforeDeletions(doc, stateVector, deletions)
        // What it held is not counted: rebuilding the snapshot to count takes seconds in a big lab.
        return save({ at: now(), reason: 'activity', label: recoveryEn['recovery.label.largeChange'], holds: null, burst: null, versionId: null, snapshot }).then(() => undefined)
      })
    }
    if (!activityPending && now() - lastCheckpointAt >= ACTIVITY_CHECKPOINT_MS) {
      activityPending = true
      idle(async () => {
        activityPending = false
        await checkpointNow('activity')
        await copyNewVersions()
      })
    }
  }
  doc.on('update', onUpdate)

  // On open: what versions are already copied, a checkpoint, copies of new versions, tidying.
  idle(async () => {
    const s = await store
    for (const id of await s.copiedVersions()) copiedVersions.add(id)
    // Copies made before the store remembered them (local history version 1).
    for (const c of await s.list()) if (c.versionId) copiedVersions.add(c.versionId)
    await checkpointNow('open')
    await copyNewVersions()
    await s.prune(now(), capBytes)
  })

  return {
    async checkpoints() {
      // Devices that copied versions twice before copying was one pass at a time list each once.
      const versions = new Set<string>()
      const once = (await (await store).list()).filter((c) => {
        if (!c.versionId) return true
        if (versions.has(c.versionId)) return false
        versions.add(c.versionId)
        return true
      })
      return once.map(listItem)
    },
    async restore(checkpointId) {
      const actor = options.actor()
      if (!actor) return { ok: false, message: recoveryEn['recovery.problem.noProfile'] }
      const found = (await (await store).list()).find((c) => c.id === checkpointId)
      if (!found) return { ok: false, message: recoveryEn['recovery.problem.gone'] }
      try {
        const result = restoreDeletedSince(doc, found.snapshot, actor, now(), checkpointRestoreDetail(found.at))
        if (result.ok && flagged()?.checkpointId === checkpointId) setFlagged(null)
        return result
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) }
      }
    },
    flagged,
    dismissFlag: () => setFlagged(null),
    changes,
    destroy() {
      if (destroyed) return
      destroyed = true
      doc.off('update', onUpdate)
      stopDeletions()
      if (runTimer) clearTimeout(runTimer)
      for (const cancel of cancels) cancel()
      cancels.clear()
      void store.then((s) => s.close())
    }
  }
}
