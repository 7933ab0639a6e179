import { createSignal, type Accessor } from 'solid-js'
import { migrateWorkspace } from '../crdt/migrations'
import type { AttachmentHash } from '../domain/attachments/attachment'
import { WorkspaceIdSchema } from '../domain/ids'
import type { RegistryEntry } from '../domain/registry-entry'
import { makeArtifactDocuments } from '../storage/artifact-documents'
import type { Registry } from '../storage/registry'
import { openWorkspaceSession, type WorkspaceSession } from '../storage/workspace-session'
import type { WorkspaceSync } from '../sync/workspace-sync'
import { makeWorkspaceAttachments, type WorkspaceAttachments } from './attachments/workspace-attachments'
import { awaitWorkspaceContent } from './await-workspace'
import { startLocalHistory, type LocalHistory } from './local-history'
import { prepareLiveSync, startLiveSync, type LiveSyncPlatform } from './live-sync'
import type { Member } from './member'
import { followRekeys } from './follow-rekey'
import { flushWhenPageHides, type PageHideWatch } from './page-lifecycle'
import { startWriting, type Later } from './start-writing'
import { whenMember } from './when-member'
import { openWorkspaceTrust, type WorkspaceTrust } from './workspace-trust'

/**
 * Signed changes on the wire (docs/trust.md): WebRTC, tabs and the relay all pass the trust gate.
 * On. Kept as a switch so that sync without signing (as before trust) stays one line away while
 * signing is young: off, sync starts at once and nothing is signed or checked.
 */
const SIGNED_SYNC = true

export interface LiveWorkspace {
  /**
   * The workspace's registry entry as this device works under it now: after a removal moves
   * the workspace to a new key, the new one (read reactively, it is a Solid signal).
   */
  readonly entry: RegistryEntry
  readonly session: WorkspaceSession
  /**
   * Live sync, once it has started: null when this copy does not sync (no profile yet, or a
   * copy that could only be partly read), or when starting it failed.
   */
  readonly sync: Promise<WorkspaceSync | null>
  /** Roles and membership on this device (app/workspace-trust.ts); null without a profile. */
  readonly trust: Promise<WorkspaceTrust | null>
  /**
   * This device's own history of the workspace (checkpoints, copies of versions, flagged runs of
   * deletions): null while a joined workspace's content has not arrived, or when storage failed.
   */
  readonly history: Accessor<LocalHistory | null>
  /** Photos and files of the workspace on this device, fetched from peers when missing. */
  readonly attachments: WorkspaceAttachments
  /** Stops writing and sync, then flushes and closes storage. Idempotent. */
  destroy(): Promise<void>
}

export interface OpenLiveWorkspaceOptions {
  registry: Registry
  /** The id as it came from the address: checked here. */
  rawId: string
  me: Member | null
  pageUrl: string
  deviceId: () => string
  /** When authorship may be built; the browser's idle time by default. */
  later?: Later
  /** When attachment bookkeeping may read the store; after the open, when quiet, by default (app/attachments/after-workspace-open.ts). */
  attachmentsLater?: Later
  platform?: LiveSyncPlatform
  /** Calls its flush when the page is hidden or closed; the browser's pagehide and visibilitychange by default. */
  pageHides?: PageHideWatch
}

/**
 * Opens a workspace of this device for as long as the caller needs it: storage (migrated),
 * live sync started beside it (opening never waits for the network code), and this member's
 * writing (member record, authorship, daily versions). A workspace joined by invitation is
 * still empty: nothing is written until its content has arrived, then it is migrated and
 * flushed so the list of workspaces shows its name. Null when the id names no workspace here.
 */
export const openLiveWorkspace = async (options: OpenLiveWorkspaceOptions): Promise<LiveWorkspace | null> => {
  const { registry, me } = options
  const id = WorkspaceIdSchema.safeParse(options.rawId)
  const entry = id.success ? await registry.get(id.data) : null
  if (!entry) return null
  const session = await openWorkspaceSession(registry, entry)
  const [currentEntry, setCurrentEntry] = createSignal<RegistryEntry>(entry)
  let destroyed = false
  const stops: (() => void)[] = []

  // Sync's code is fetched while trust opens: sync then waits only for the keys and membership.
  if (me) prepareLiveSync()
  // Opened before sync, so this device's first change already leaves signed.
  const trust: Promise<WorkspaceTrust | null> =
    me && session.persistence.status.status !== 'damaged'
      ? openWorkspaceTrust({ registry, entry, doc: session.doc, memberId: me.id }).catch(() => null)
      : Promise.resolve(null)
  // Bytes of attachments stay on the device (IndexedDB); a memory registry (no IndexedDB) has none.
  // The relay's upload bookkeeping reads the store only once the open is done (heldHashes).
  const attachments = makeWorkspaceAttachments(entry.id, () => sync, options.attachmentsLater)
  const attachmentSource =
    registry.kind === 'indexeddb'
      ? {
          read: async (hash: AttachmentHash) => (await attachments.read(hash))?.bytes ?? null,
          hashes: () => attachments.heldHashes()
        }
      : undefined
  // With signed sync off, sync starts at once: waiting for this device's keys and membership to
  // open (WebCrypto, IndexedDB) would only delay a joining device's first changes.
  const trustForSync: Promise<WorkspaceTrust | null> = SIGNED_SYNC ? trust : Promise.resolve(null)
  // The workspace's artifact documents as this device stores them: the relay keeps what arrives
  // for one nobody has open in it (docs/artifact-documents.md, "Wire").
  const artifactDocuments = registry.kind === 'indexeddb' ? makeArtifactDocuments(entry.id) : null
  const sync: Promise<WorkspaceSync | null> = me
    ? trustForSync
        .then((opened) =>
          startLiveSync({
            registry,
            session,
            entry,
            me,
            pageUrl: options.pageUrl,
            deviceId: options.deviceId(),
            platform: options.platform,
            attachmentSource,
            ...(artifactDocuments ? { artifactDocuments } : {}),
            trust: SIGNED_SYNC ? opened?.setup : undefined
          })
        )
        .catch(() => null)
    : Promise.resolve(null)

  // Where this device is with the relay is saved as the page goes, not only every few seconds:
  // the next open then asks the relay only for what came after. (Storage flushes through the
  // app's services, which track the session.)
  void sync.then((started) => {
    if (started && !destroyed) stops.push((options.pageHides ?? flushWhenPageHides)(() => started.flush()))
  })

  // After a removal, this device moves to the workspace's new key by itself (app/follow-rekey.ts).
  void trust.then((opened) => {
    if (opened && !destroyed) stops.push(followRekeys({ registry, entry, trust: opened, sync, moved: (now) => setCurrentEntry(() => now) }))
  })

  // A signal: for a joined workspace it starts once the content has arrived, and the page shows it then.
  const [history, setHistory] = createSignal<LocalHistory | null>(null)
  const keepHistory = (): void => {
    const started = startLocalHistory({
      doc: session.doc,
      id: entry.id,
      storage: options.registry.kind,
      actor: () => (me ? { name: me.name, organisation: me.organisation } : null)
    })
    setHistory(started)
    stops.push(() => started.destroy())
  }

  const ready = session.persistence.status.status === 'ready'
  const compatibility = session.compatibility().status
  if (ready && compatibility !== 'empty') keepHistory()
  // Writing starts once this device is a member: a change the others refuse blocks all its later ones.
  const writeAsMember = (): void => {
    stops.push(
      whenMember(SIGNED_SYNC ? trust : Promise.resolve(null), () => {
        if (!destroyed && me) stops.push(startWriting(session.doc, me, options.later))
      })
    )
  }
  if (me && ready && compatibility === 'current') writeAsMember()
  else if (me && ready && compatibility === 'empty') {
    stops.push(
      awaitWorkspaceContent(session.doc, () => {
        if (destroyed) return
        migrateWorkspace(session.doc)
        keepHistory()
        if (session.compatibility().status === 'current') writeAsMember()
        // The list of workspaces shows the name from now on, not "Untitled".
        session.flush()
      })
    )
  }

  let closing: Promise<void> | null = null
  return {
    get entry() {
      return currentEntry()
    },
    session,
    sync,
    trust,
    history,
    attachments,
    destroy() {
      if (closing) return closing
      destroyed = true
      for (const stop of stops.splice(0)) stop()
      attachments.destroy()
      // Sync lets go of the doc before it is destroyed.
      closing = sync
        .then((started) => started?.destroy())
        // After sync: what the relay applied to one is written before it closes.
        .then(() => artifactDocuments?.destroy())
        .then(() => trust)
        .then((opened) => opened?.destroy())
        .catch(() => {})
        .finally(() => session.destroy())
      return closing
    }
  }
}
