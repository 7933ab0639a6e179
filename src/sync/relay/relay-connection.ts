import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { RELAY } from '../../crdt/origins'
import type { StoredRelayCursor } from '../../domain/relay-state'
import type { RelayStatus } from '../../domain/sync-status'
import { covers, deletedIn, storeSummary, type StateSummary } from '../state-summary'
import { backoffDelay } from './relay-backoff'
import { compactionDelay, shouldCompact } from './relay-compaction'
import { makeSenderCounters } from './relay-counters'
import { encodeCompactedEnvelope, encodeRefusalEnvelope, encodeUpdateEnvelopes, makeSenderId } from './relay-envelope'
import { decodeRelayFrame, encodeAppend, encodeCompact, encodeHello, MAX_SNAPSHOT_BYTES, RELAY_ERROR, type RelayFrame } from './relay-frames'
import { addHeldRanges, addHeldUpdate, copySummary, EMPTY_SUMMARY, encodeHeldVector, mergeHeld } from './relay-held'
import { heldAtStart, heldSignedMark } from './relay-held-migration'
import { makeLegacyWindow } from './relay-legacy-window'
import { makeRelayRefusalNotices } from './relay-refusal-notices'
import { openEntry } from './relay-incoming'
import type { RelayKeys } from './relay-keys'
import type { LocalChange } from '../transport'
import { decodeSignedChange, MAX_SIGNED_STATE_BYTES } from '../trust/signed-change'
import { sameRelayStatus } from '../sync-status-view'
import { makeRelayPacer } from './relay-pacer'
import { makeRelayPresence } from './relay-presence'
import { makeRelayArtifacts, type RelayArtifactsOptions } from './relay-artifacts'
import { DocKeySchema, isArtifactDocKey } from '../../domain/doc-key'
import type { ArtifactId } from '../../domain/ids'
import { RELAY_PROBLEMS } from './relay-problems'
import { makeRelayReassembler, PENDING_TIMEOUT_MS } from './relay-reassembly'
import { seal } from './relay-seal'
import type { RelaySocket, RelaySocketFactory } from './relay-socket'
import type { RelayTiming } from './relay-timing'
import type { RelayTrust } from './relay-trust'
import { DECODE_OFF_THREAD_FROM_BYTES as LARGE_UPDATE_BYTES, type UpdateCheck } from './relay-update-check'
import { makeConsoleBudget } from '../console-budget'
import { mark } from '../sync-marks'


export interface RelayConnectionOptions {
  url: string
  doc: Y.Doc
  awareness: Awareness
  keys: RelayKeys
  cursor: StoredRelayCursor | null
  onCursor: (cursor: StoredRelayCursor) => void
  /**
   * True once everything applied to the doc so far is kept on this device for good (the
   * workspace's storage). A cursor is handed to onCursor only then: an entry it passes is
   * never fetched again, so one applied but not yet stored would be lost with a crash.
   */
  whenStored: () => Promise<boolean>
  /** This device's state summary; null until it has been counted. */
  localSummary: () => StateSummary | null
  onStatus: () => void
  socket: RelaySocketFactory
  timing: RelayTiming
  checkUpdate: UpdateCheck
  /**
   * Called when a large backlog is on its way (a compacted state, or a long log): readies what
   * checkUpdate checks large updates with, so that it starts while the backlog travels.
   */
  readyCheck?: () => void
  /**
   * Called as readyCheck is: the device's WebRTC peers are then asked for what this device
   * lacks only once the backlog is in (state-asks.ts), so that they do not send the same lab
   * again. Returns what to call when it is in (CAUGHT_UP) or will not come (the socket dropped).
   */
  backlogOnItsWay?: () => () => void
  online: () => boolean
  random: () => number
  /**
   * The trust gate (docs/trust.md, "Relay entries"): with it, entries and snapshots leave
   * signed (envelope version 2) and arrive through it; unsigned ones are dropped. Absent: as
   * before signing, and signed entries are unreadable here.
   */
  trust?: RelayTrust
  /**
   * The artifact documents (docs/artifact-documents.md, "Wire"): an attached one's changes leave
   * in entries with its docKey, and entries for any artifact document are applied to it,
   * attached or held from storage for the while. Absent: such entries are ignored, as before.
   */
  artifacts?: RelayArtifactsOptions
}

export interface RelayConnection {
  send(change: LocalChange): void
  status(): RelayStatus
  /** What the relay is known to hold. */
  held(): StateSummary
  /** The browser's network came back or went: reconnect now, or wait. */
  networkChanged(): void
  /** Upload what the relay lacks, if anything (the sync core's maintenance calls it too). */
  reconcile(): void
  /** Saves the cursor now rather than within timing.persistMs: the page may be going away. */
  flush(): void
  destroy(): void
}

type Phase = 'connecting' | 'catching-up' | 'live' | 'waiting' | 'stopped' | 'destroyed'

/** An APPEND or COMPACT on its way: what the relay holds once all of its refs are acknowledged. */
interface Outgoing {
  refs: Set<number>
  /** When its latest part left (parts wait in the pacer first). */
  sentAt: number
  held: (current: StateSummary) => StateSummary
  sealedBytes: number
  compaction: boolean
  /** Told once all its refs are acknowledged (true), or once the connection drops first (false). */
  settle?: (acknowledged: boolean) => void
}

/** A part never smaller than this, however slow a relay asks this device to be. */
const MIN_PART_BYTES = 64 * 1024
/** Room in a burst for a part's envelope, seal and frame around its payload. */
const ENTRY_OVERHEAD_BYTES = 4 * 1024
/** Failed connection attempts before the relay counts as unreachable rather than connecting. */
const UNREACHABLE_AFTER = 2
/** Work on incoming frames in slices of about this long, so a long backlog never freezes the page. */
const SLICE_MS = 25
/** Artifact entries for documents not attached that one catch-up applies (each loads a document from storage). */
const MAX_DETACHED_ENTRIES = 2_000
const MAX_DETACHED_BYTES = 64 * 1024 * 1024
/** Artifact documents a compaction carries at most (each loaded from storage in turn); past it, no compaction. */
const MAX_COMPACTED_DOCUMENTS = 512
const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/**
 * One relay, one WebSocket (docs/relay-protocol.md): HELLO with the last entry this device
 * holds; the backlog applied in seq order; after CAUGHT_UP, what the relay lacks uploaded,
 * then this device's changes batched, sealed and appended as they happen, and presence both
 * ways. Reconnects with jittered exponential backoff. Nothing the relay sends reaches the
 * document before it has been opened, decoded and checked.
 */
export const startRelayConnection = (options: RelayConnectionOptions): RelayConnection => {
  const { doc, keys, timing } = options
  const sender = makeSenderId()
  const counters = makeSenderCounters()
  const reassembler = makeRelayReassembler()

  const cursor = {
    after: options.cursor?.after ?? 0,
    // With signed sync, a count kept before it is forgotten once (relay-held-migration.ts).
    ...heldAtStart(options.cursor, options.trust !== undefined),
    acked: options.cursor?.acked ?? 0
  }
  /** The `legacy` first catch-up: when an unsigned entry is still accepted (relay-legacy-window.ts). */
  const legacy = makeLegacyWindow()
  /** Whether the console was told of an unsigned entry dropped (once a connection: a flood costs one line). */
  let warnedUnsigned = false
  /** What the console hears of entries dropped or ignored: a relay sending thousands costs a few lines. */
  const warnOfEntry = makeConsoleBudget()
  const link = {
    phase: 'connecting' as Phase,
    socket: null as RelaySocket | null,
    session: 0,
    failures: 0,
    unreachableSince: null as number | null,
    /**
     * Set by ERROR 5/6/8 or a refused entry; cleared as the relay works again ('full' only once
     * it stores something, or holds everything: answering HELLO does not make room).
     */
    problem: null as { state: 'unavailable' | 'full' | 'refused'; message: string } | null,
    /**
     * Refusals (ERROR 4, 5, 6, 8) since the relay last acknowledged something: the backoff
     * grows with them, and reaching CAUGHT_UP again does not reset it, so a relay that keeps
     * refusing is not sent the same upload every second.
     */
    refusals: 0,
    reconnectTimer: null as ReturnType<typeof setTimeout> | null,
    /** Gives up the current attempt if WELCOME has not come by then (timing.openTimeoutMs). */
    openTimer: null as ReturnType<typeof setTimeout> | null,
    /** An attempt hung since the relay last worked: unreachable at once, not after UNREACHABLE_AFTER. */
    hung: false
  }
  const outbox = {
    counter: 0,
    nextRef: 1,
    unacked: new Map<number, Outgoing>(),
    lastAckAt: 0,
    batch: [] as Uint8Array[],
    batchDeleted: 0,
    batchTimer: null as ReturnType<typeof setTimeout> | null
  }
  const log = { bytes: 0, snapshotBytes: null as number | null, timer: null as ReturnType<typeof setTimeout> | null, compacting: false }
  let incoming: Promise<void> = Promise.resolve()
  /**
   * The seq of the first part of each message still waiting for its other parts: the cursor
   * saved, sent in HELLO and compacted to stays below them, or a reload (or a compaction)
   * would lose the parts already here.
   */
  const partsFrom = new Map<string, { seq: number; at: number }>()
  /**
   * Seqs of entries (or a snapshot's covers) the trust gate holds until membership entries
   * they cite arrive, and how many deliveries of each wait: the cursor stays before them, so
   * a reload fetches them again rather than losing them (docs/trust.md, "Relay entries" 3).
   */
  const waitingAt = new Map<number, number>()
  /**
   * The first seq whose waiting state the trust gate let go undecided (it holds 16 at most):
   * the cursor stays before it, and once the membership it waited for may have arrived, this
   * device fetches from there again (`refetch`), so nothing is passed unapplied for good. The
   * same for a state built on a waiting one, once that is decided.
   */
  const letGo = { from: null as number | null, refetch: false }
  const safeAfter = (): number => {
    const now = Date.now()
    let safe = cursor.after
    if (letGo.from !== null) safe = Math.min(safe, letGo.from - 1)
    for (const seq of waitingAt.keys()) safe = Math.min(safe, seq - 1)
    for (const [key, first] of partsFrom) {
      if (now - first.at > PENDING_TIMEOUT_MS) partsFrom.delete(key)
      else safe = Math.min(safe, first.seq - 1)
    }
    return safe
  }
  /** The cursor from which the relay skipped seqs last time (asked again once). */
  let missedFrom: number | null = null
  let persistTimer: ReturnType<typeof setTimeout> | null = null
  let lastStatus: RelayStatus | null = null

  const sendFrame = (frame: Uint8Array): boolean => {
    if (link.phase !== 'live' || !link.socket) return false
    try {
      link.socket.send(frame)
      return true
    } catch {
      return false
    }
  }
  const presence = makeRelayPresence({ awareness: options.awareness, keys, sender, send: sendFrame })
  const pacer = makeRelayPacer({ send: sendFrame })
  const notices = options.trust
    ? makeRelayRefusalNotices({ trust: options.trust, delayMs: timing.refusalNoticeDelayMs, random: options.random, append: (notice) => void appendNotice(notice) })
    : null

  /** Cursors taken, and the latest handed on: one taken earlier never overwrites a later one. */
  const saving = { taken: 0, saved: 0 }
  const persist = (): void => {
    if (persistTimer) clearTimeout(persistTimer)
    persistTimer = null
    const taken = { url: options.url, after: safeAfter(), held: storeSummary(cursor.held), heldAt: cursor.heldAt, acked: cursor.acked, ...heldSignedMark(options.trust !== undefined) }
    const round = ++saving.taken
    // Taken now, saved once what it passes is stored: the storage's writes so far are awaited.
    void options.whenStored().then(
      (stored) => {
        if (!stored || round < saving.saved) return
        saving.saved = round
        options.onCursor(taken)
      },
      () => {}
    )
  }
  const persistSoon = (): void => {
    persistTimer ??= setTimeout(persist, timing.persistMs)
  }

  const holdsEverything = (): boolean => {
    const local = options.localSummary()
    return local !== null && covers(cursor.held, local)
  }

  const status = (): RelayStatus => {
    const base = { heldAt: cursor.heldAt, gap: counters.hasGap(), since: null, problem: null, filesFull: false }
    if (link.problem?.state === 'refused') return { ...base, state: 'refused', problem: link.problem.message }
    const attempting = link.phase === 'waiting' || link.phase === 'connecting'
    // A relay that hung stays unreachable while it is tried again, until it answers HELLO.
    if (!options.online() || (attempting && link.failures >= UNREACHABLE_AFTER) || ((attempting || link.phase === 'catching-up') && link.hung)) {
      return { ...base, state: 'unreachable', since: link.unreachableSince }
    }
    if (link.problem?.state === 'unavailable') return { ...base, state: 'unavailable', problem: link.problem.message }
    const busy = outbox.unacked.size > 0 || outbox.batch.length > 0 || !holdsEverything()
    // Full while something of this device's is still not held: reconnecting does not make room.
    if (link.problem?.state === 'full' && (link.phase !== 'live' || busy)) return { ...base, state: 'full', problem: link.problem.message }
    if (link.phase !== 'live') return { ...base, state: 'connecting' }
    return { ...base, state: busy ? 'sending' : 'synced' }
  }
  const changed = (): void => {
    const next = status()
    const previous = lastStatus
    lastStatus = next
    if (previous && sameRelayStatus(previous, next)) return
    options.onStatus()
  }

  const noteHeld = (held: StateSummary): void => {
    cursor.held = held
    if (holdsEverything() && outbox.unacked.size === 0 && outbox.batch.length === 0) cursor.heldAt = Date.now()
    persistSoon()
  }

  // ---- sending ------------------------------------------------------------------------

  const nextCounter = (): number => (outbox.counter = outbox.counter >= 0xffffffff ? 1 : outbox.counter + 1)
  /** Refs run 1 … 2^32 − 1: an ERROR with ref 0 answers no request. */
  const takeRef = (): number => {
    const ref = outbox.nextRef
    outbox.nextRef = outbox.nextRef >= 0xffffffff ? 1 : outbox.nextRef + 1
    return ref
  }

  /**
   * What this device appends: with the trust gate, the update as a state it signs (its
   * membership heads and signature around it); null when it cannot be signed (over the signed
   * layout's bound for a state, 64 MiB): nothing goes, and the next upload tries again.
   */
  const signedForRelay = async (update: Uint8Array, trust: RelayTrust | undefined = options.trust): Promise<Uint8Array | null> => {
    if (!options.trust) return update
    if (!trust) return null
    try {
      return await trust.sign(update)
    } catch (error) {
      console.warn('Mutual relay sync could not sign a change for the relay.', error)
      return null
    }
  }

  /** Seals and appends one message (in parts when large); the relay holds `held` once all parts are acknowledged. */
  const append = async (update: Uint8Array, held: (current: StateSummary) => StateSummary): Promise<void> => {
    const payload = await signedForRelay(update)
    if (payload) await appendPayload(payload, held, '')
  }

  /** Seals and appends a message already signed (when signing); what is on its way, or null when the connection went meanwhile. */
  const appendPayload = async (payload: Uint8Array, held: (current: StateSummary) => StateSummary, docKey: '' | ArtifactId): Promise<Outgoing | null> => {
    const session = link.session
    // Parts small enough that each fits one of the relay's bursts at this device's pace.
    const partBytes = Math.max(MIN_PART_BYTES, Math.min(timing.partBytes, pacer.largestBurstBytes() - ENTRY_OVERHEAD_BYTES))
    const envelopes = encodeUpdateEnvelopes(sender, nextCounter(), docKey, payload, partBytes, options.trust !== undefined)
    const sealed = await Promise.all(envelopes.map((envelope) => seal(keys, 'entry', envelope)))
    if (session !== link.session || link.phase !== 'live') return null
    const message: Outgoing = { refs: new Set(), sentAt: Date.now(), held, sealedBytes: 0, compaction: false }
    for (const blob of sealed) {
      const ref = takeRef()
      message.refs.add(ref)
      message.sealedBytes += blob.length
      outbox.unacked.set(ref, message)
      pacer.enqueue(encodeAppend(ref, blob), () => (message.sentAt = Date.now()))
    }
    changed()
    return message
  }

  const flushBatch = (): void => {
    if (outbox.batchTimer) clearTimeout(outbox.batchTimer)
    outbox.batchTimer = null
    if (artifactBatch.size > 0) flushArtifacts()
    if (outbox.batch.length === 0 || link.phase !== 'live') return
    const update = outbox.batch.length === 1 ? (outbox.batch[0] as Uint8Array) : Y.mergeUpdates(outbox.batch)
    const deleted = outbox.batchDeleted
    outbox.batch = []
    outbox.batchDeleted = 0
    void append(update, (held) => addHeldUpdate(held, update, deleted))
  }

  /** Changes of attached artifact documents waiting for the next batch, by document. */
  const artifactBatch = new Map<ArtifactId, Uint8Array[]>()
  /**
   * Artifact documents with changes the relay may lack (made while it was not live, or whose
   * entry was not acknowledged): the relay keeps no summary per document, so each one's whole
   * state goes after the next CAUGHT_UP (receivers apply what they lack of it).
   */
  const unsent = new Set<ArtifactId>()
  /** Appends an artifact document's change, signed for that document (change-signing.ts). */
  const appendArtifact = async (key: ArtifactId, update: Uint8Array, trust: RelayTrust | undefined): Promise<void> => {
    const payload = await signedForRelay(update, trust)
    // The relay's summary is of the workspace document: an artifact entry changes nothing it holds.
    const outgoing = payload ? await appendPayload(payload, (held) => held, key) : null
    if (!outgoing) unsent.add(key)
    else outgoing.settle = (acknowledged) => void (acknowledged || unsent.add(key))
  }
  const flushArtifacts = (): void => {
    const batches = [...artifactBatch]
    artifactBatch.clear()
    for (const [key, updates] of batches) {
      if (link.phase !== 'live') unsent.add(key)
      else void appendArtifact(key, updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates), artifacts?.trustOf(key) ?? undefined)
    }
  }
  const uploadUnsentArtifacts = (): void => {
    if (!artifacts) return
    const keys = [...unsent]
    unsent.clear()
    for (const key of keys) {
      void artifacts
        .withDocument(key, (artifactDoc, trust) => appendArtifact(key, Y.encodeStateAsUpdate(artifactDoc), trust ?? undefined))
        .then((done) => done === null && unsent.add(key))
    }
  }
  const artifacts = options.artifacts
    ? makeRelayArtifacts(options.artifacts, (key, update) => {
        if (link.phase !== 'live') return void unsent.add(key)
        artifactBatch.set(key, [...(artifactBatch.get(key) ?? []), update])
        outbox.batchTimer ??= setTimeout(flushBatch, timing.batchMs)
        changed()
      })
    : null

  /** A signed notice that this device refused an entry: one small entry, holding nothing of the document. */
  const appendNotice = async (notice: Uint8Array): Promise<void> => {
    if (link.phase !== 'live') return
    const session = link.session
    const sealed = await seal(keys, 'entry', encodeRefusalEnvelope(sender, nextCounter(), notice))
    if (session !== link.session || link.phase !== 'live') return
    const ref = takeRef()
    const message: Outgoing = { refs: new Set([ref]), sentAt: Date.now(), held: (held) => held, sealedBytes: sealed.length, compaction: false }
    outbox.unacked.set(ref, message)
    pacer.enqueue(encodeAppend(ref, sealed), () => (message.sentAt = Date.now()))
  }

  /** Everything this device has that the relay is not known to hold, in one message. */
  const uploadMissing = (): void => {
    if (link.phase !== 'live' || outbox.unacked.size > 0) return
    const local = options.localSummary()
    if (!local) {
      scheduleReconcile(timing.summaryRetryMs)
      return
    }
    if (covers(cursor.held, local)) {
      // Nothing missing, and nothing unacknowledged: the relay holds all of it.
      if (outbox.batch.length === 0) noteHeld(cursor.held)
      changed()
      return
    }
    // The batch is inside the diff: send it once.
    outbox.batch = []
    outbox.batchDeleted = 0
    const update = Y.encodeStateAsUpdate(doc, encodeHeldVector(cursor.held))
    void append(update, (held) => mergeHeld(held, local))
  }

  let reconcileTimer: ReturnType<typeof setTimeout> | null = null
  const scheduleReconcile = (delay: number): void => {
    if (reconcileTimer) clearTimeout(reconcileTimer)
    reconcileTimer = setTimeout(() => {
      reconcileTimer = null
      // An acknowledgement that never came (lost with a relay process, say): start afresh; the
      // upload after CAUGHT_UP sends whatever the relay turns out to lack.
      // Measured from the relay's last acknowledgement: a long upload that is still being
      // acknowledged part by part has not stalled, however long ago it began.
      const oldest = Math.min(...[...outbox.unacked.values()].map((o) => o.sentAt))
      if (pacer.waiting() === 0 && Date.now() - Math.max(oldest, outbox.lastAckAt) > timing.ackTimeoutMs) {
        reconnect(0)
        return
      }
      // The next periodic look first: uploadMissing may bring it forward (to look again as soon
      // as this device's state is counted), and that must not be pushed back to the period.
      scheduleReconcile(timing.reconcileMs)
      uploadMissing()
    }, delay)
  }

  // ---- compaction ---------------------------------------------------------------------

  const compactionFacts = () => ({
    // Only a state the relay already holds entry by entry: a device past `covers` never reads
    // the snapshot, so anything only in it would never reach that device.
    live: link.phase === 'live' && !log.compacting && holdsEverything(),
    unacknowledged: outbox.unacked.size + outbox.batch.length,
    logBytes: log.bytes,
    snapshotBytes: log.snapshotBytes,
    minLogBytes: timing.compactMinBytes
  })
  const considerCompaction = (): void => {
    if (log.timer || !shouldCompact(compactionFacts())) return
    log.timer = setTimeout(() => void compact(), compactionDelay(timing.compactDelayMs, options.random))
  }
  const compact = async (): Promise<void> => {
    log.timer = null
    if (!shouldCompact(compactionFacts())) return
    const local = options.localSummary()
    if (!local) return
    const state = Y.encodeStateAsUpdate(doc)
    const carried = await artifactStates()
    if (!carried || !shouldCompact(compactionFacts())) return
    const carriedBytes = carried.reduce((sum, { payload }) => sum + payload.length, 0)
    if (carried.length > 0 ? state.length + carriedBytes >= log.bytes : log.snapshotBytes === null && state.length >= log.bytes) {
      // The compacted state would be no smaller than the log: wait for the log to grow.
      log.snapshotBytes = state.length + carriedBytes
      return
    }
    const covered = safeAfter()
    const session = link.session
    const senders = [...counters.latest(), ...(outbox.counter > 0 ? [{ sender, counter: outbox.counter }] : [])]
    const signedState = await signedForRelay(state)
    if (!signedState) return
    const sealed = await seal(keys, 'snapshot', encodeCompactedEnvelope(sender, Math.max(outbox.counter, 1), '', senders, signedState, options.trust !== undefined))
    if (session !== link.session || !shouldCompact(compactionFacts()) || sealed.length > MAX_SNAPSHOT_BYTES || covered === 0) return
    if (carried.length > 0) {
      // Each artifact document's state goes first, as an entry after `covers`: COMPACT deletes
      // every entry up to covers, whatever its document, and the snapshot holds the root's only.
      log.compacting = true
      for (const { key, payload } of carried) {
        const outgoing = await appendPayload(payload, (held) => held, key)
        const acknowledged = outgoing ? await new Promise<boolean>((resolve) => (outgoing.settle = resolve)) : false
        if (!acknowledged || session !== link.session) {
          if (session === link.session) log.compacting = false
          return
        }
      }
    }
    const ref = takeRef()
    const outgoing: Outgoing = { refs: new Set([ref]), sentAt: Date.now(), held: (held) => mergeHeld(held, local), sealedBytes: sealed.length + carriedBytes, compaction: true }
    outbox.unacked.set(ref, outgoing)
    log.compacting = true
    pacer.enqueue(encodeCompact(ref, covered, sealed), () => (outgoing.sentAt = Date.now()))
  }

  /**
   * Each artifact document's whole state, signed for it, for a compaction to carry past
   * `covers`: documents not open are held from storage one at a time. Null when any cannot be
   * read, or there are more than MAX_COMPACTED_DOCUMENTS: then nothing is compacted.
   */
  const artifactStates = async (): Promise<{ key: ArtifactId; payload: Uint8Array }[] | null> => {
    if (!artifacts) return []
    const keys = await artifacts.keys()
    if (!keys || keys.length > MAX_COMPACTED_DOCUMENTS) {
      warnOfEntry(`Mutual relay sync did not compact the relay's log: ${keys ? `more than ${MAX_COMPACTED_DOCUMENTS} artifact documents` : 'this browser cannot list its artifact documents'}.`)
      return null
    }
    const states: { key: ArtifactId; payload: Uint8Array }[] = []
    for (const key of keys) {
      const payload = await artifacts.withDocument(key, async (artifactDoc, trust) => {
        const artifactState = Y.encodeStateAsUpdate(artifactDoc)
        return options.trust ? signedForRelay(artifactState, trust ?? undefined) : artifactState
      })
      if (!payload) {
        warnOfEntry("Mutual relay sync did not compact the relay's log: an artifact document could not be read on this device.")
        return null
      }
      states.push({ key, payload })
      await yieldToPage()
    }
    return states
  }

  // ---- receiving ----------------------------------------------------------------------

  /**
   * Checks a Yjs update's bytes (in a worker when large), leaving marks around a large one so
   * the join benchmark shows where its time goes.
   */
  const checkMarked: UpdateCheck = async (update) => {
    const large = update.length >= LARGE_UPDATE_BYTES
    if (large) mark('relay:check-start')
    const ranges = await options.checkUpdate(update)
    if (large) mark('relay:checked')
    return ranges
  }

  /** Runs `apply` and counts what it deleted under the relay's origin. */
  const countingDeletions = async <T>(apply: () => T | Promise<T>): Promise<{ result: T; deleted: number }> => {
    let deleted = 0
    const count = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
      if (origin === RELAY) deleted += deletedIn(transaction)
    }
    doc.on('update', count)
    try {
      return { result: await apply(), deleted }
    } finally {
      doc.off('update', count)
    }
  }

  const applyPlain = async (update: Uint8Array): Promise<boolean> => {
    // Decoded once to check it (in a worker when large), once more as Yjs applies it: no more.
    const ranges = await checkMarked(update)
    if (!ranges) return false
    let deleted: number
    try {
      deleted = (await countingDeletions(() => Y.applyUpdate(doc, update, RELAY))).deleted
    } catch {
      return false
    }
    if (update.length >= LARGE_UPDATE_BYTES) mark('relay:applied')
    cursor.held = addHeldRanges(cursor.held, ranges, deleted)
    return true
  }

  /**
   * A signed state from the relay (docs/trust.md, "Relay entries" 2, 3): its Yjs bytes checked
   * as before, then judged by the trust gate like a peer's state, and applied under RELAY only
   * if accepted. An entry still waiting for membership entries keeps the saved cursor before
   * its seq until it is decided; a refused one is dropped and passed, as on every device. One
   * built on a waiting entry (the same author's next change) cannot be placed yet: the cursor
   * stays before it, and it is fetched again once the waiting one is decided (`letGo`).
   */
  const applySigned = async (trust: RelayTrust, payload: Uint8Array, seq: number, from: { sender: string; counter: number }): Promise<boolean> => {
    if (payload.length >= LARGE_UPDATE_BYTES) mark('relay:check-start')
    const { result: received, deleted } = await countingDeletions(() => trust.receive(payload, RELAY, checkMarked))
    if (!received) return false
    if (payload.length >= LARGE_UPDATE_BYTES) mark('relay:applied')
    const { outcome } = received
    // The relay holds it whatever this device decides: the upload after CAUGHT_UP need not send it.
    cursor.held = addHeldRanges(cursor.held, received.ranges, deleted)
    if (outcome.verdict === 'refuse') {
      warnOfEntry(`Mutual relay sync dropped an entry the trust check refused (${outcome.reason}).`)
      // Its signer is told through the room (relay-refusal-notices.ts).
      const layout = decodeSignedChange(payload, MAX_SIGNED_STATE_BYTES)
      if (layout.ok) notices?.refused({ ...from, author: layout.change.author, reason: outcome.reason })
    }
    // Unplaced with nothing waiting: the changes it builds on are not coming from the relay (a
    // lost entry, or a forged one), and fetching again would only hold the cursor back for good.
    if (outcome.verdict === 'unplaced' && (waitingAt.size > 0 || letGo.from !== null)) letGo.from = Math.min(letGo.from ?? seq, seq)
    if (outcome.verdict === 'wait') {
      waitingAt.set(seq, (waitingAt.get(seq) ?? 0) + 1)
      void outcome.decided.then((end) => {
        if (end === 'let-go') letGo.from = Math.min(letGo.from ?? seq, seq)
        // What was built on it can be placed now.
        else wantRefetch()
        const left = (waitingAt.get(seq) ?? 1) - 1
        if (left > 0) waitingAt.set(seq, left)
        else waitingAt.delete(seq)
        // A connection closed meanwhile saved its cursor before this entry: it is fetched again.
        if (link.phase !== 'destroyed') persistSoon()
      })
    }
    return true
  }

  const applyUpdate = async (payload: Uint8Array, signed: boolean, seq: number, from: { sender: string; counter: number }): Promise<boolean> => {
    const trust = options.trust
    if (!trust) return applyPlain(payload)
    // What every old member of a workspace from before trust holds (relay-legacy-window.ts).
    if (!signed && legacy.admits(seq)) return applyPlain(payload)
    if (!signed) {
      // Anyone who ever held the link can seal an entry: with signed sync, its signer is what
      // counts. The person sees it in the Sync status; the console hears of the first only.
      trust.refusedUnsigned()
      if (!warnedUnsigned) console.warn('Mutual relay sync dropped an unsigned entry: with signed sync only signed entries are applied. Any more are counted in the Sync status.')
      warnedUnsigned = true
      return true
    }
    return applySigned(trust, payload, seq, from)
  }

  /**
   * Artifact entries applied to documents not attached, this catch-up: past the bound the cursor
   * stays before the first one left, and the next connection fetches from there (letGo), so a
   * long backlog of documents nobody has open is taken in steps and never lost.
   */
  const detachedBudget = { entries: 0, bytes: 0 }
  const overDetachedBudget = (bytes: number): boolean =>
    detachedBudget.entries >= MAX_DETACHED_ENTRIES || (detachedBudget.entries > 0 && detachedBudget.bytes + bytes > MAX_DETACHED_BYTES)

  /**
   * An entry for an artifact document: checked like a root entry (signed for that document,
   * judged by the workspace's membership) and applied to it, attached or held from this
   * device's storage for the while. Without the artifact side (an app before the split's
   * storage), ignored as before: the relay keeps it.
   */
  const receiveArtifact = async (docKey: string, payload: Uint8Array, signed: boolean, seq: number): Promise<void> => {
    if (!artifacts) return
    const parsed = DocKeySchema.safeParse(docKey)
    if (!parsed.success || !isArtifactDocKey(parsed.data)) return warnOfEntry('Mutual relay sync ignored an entry for a document it does not know.')
    const key = parsed.data
    const trust = options.trust
    if (trust && !signed) {
      // Artifact documents postdate signed sync: no unsigned entry of one is ever legitimate.
      trust.refusedUnsigned()
      return warnOfEntry('Mutual relay sync dropped an unsigned entry for an artifact document.')
    }
    const attached = options.artifacts?.documents.get(key) !== undefined
    if (!attached) {
      if (overDetachedBudget(payload.length)) {
        letGo.from = Math.min(letGo.from ?? seq, seq)
        letGo.refetch = true
        return
      }
      detachedBudget.entries++
      detachedBudget.bytes += payload.length
    }
    const applied = await artifacts.withDocument(key, async (doc, docTrust) => {
      if (!trust) {
        if (!(await checkMarked(payload))) return false
        Y.applyUpdate(doc, payload, RELAY)
        return true
      }
      if (!docTrust) return false
      const received = await docTrust.receive(payload, RELAY, checkMarked)
      if (!received) return false
      const { outcome } = received
      if (outcome.verdict === 'refuse') warnOfEntry(`Mutual relay sync dropped an artifact document's entry the trust check refused (${outcome.reason}).`)
      // Not decidable now: the cursor stays before it, fetched again once membership changes.
      if (outcome.verdict === 'wait' || (outcome.verdict === 'unplaced' && (waitingAt.size > 0 || letGo.from !== null))) letGo.from = Math.min(letGo.from ?? seq, seq)
      return true
    })
    if (applied === null) {
      // Not readable on this device now (storage failed): not passed for good.
      letGo.from = Math.min(letGo.from ?? seq, seq)
      warnOfEntry('Mutual relay sync could not open an artifact document for an entry; it is fetched again later.')
    } else if (!applied) warnOfEntry('Mutual relay sync ignored a change that did not decode or apply.')
  }

  /** A notice that a device refused an entry: shown when it names this device, remembered so this device need not send one too. */
  const receiveRefusal = async (notice: Uint8Array): Promise<void> => {
    const refusal = await options.trust?.receiveRefusal(notice)
    if (refusal) notices?.seen(refusal)
    else warnOfEntry('Mutual relay sync ignored a refusal notice that did not check out.')
  }

  const refuse = (message: string): void => {
    link.problem = { state: 'refused', message }
  }

  const receiveSealed = async (purpose: 'entry' | 'snapshot', sealed: Uint8Array, seq: number): Promise<void> => {
    const opened = await openEntry(keys, purpose, sealed, reassembler, Date.now(), options.trust !== undefined)
    if (opened.kind === 'partial' && !partsFrom.has(`${opened.sender}:${opened.counter}`)) {
      partsFrom.set(`${opened.sender}:${opened.counter}`, { seq, at: Date.now() })
    }
    // A message in parts is fetched again from its first part: a wait holds the cursor there.
    const firstSeq = opened.kind === 'update' ? (partsFrom.get(`${opened.sender}:${opened.counter}`)?.seq ?? seq) : seq
    if (opened.kind === 'update') partsFrom.delete(`${opened.sender}:${opened.counter}`)
    // Once an upgraded device has written, nothing unsigned is what old members hold.
    if ((opened.kind === 'update' || opened.kind === 'compacted' || opened.kind === 'partial') && opened.signed) legacy.signed()
    switch (opened.kind) {
      case 'altered':
        refuse(RELAY_PROBLEMS.altered)
        return
      case 'unreadable':
        warnOfEntry(`Mutual relay sync ignored an entry it could not read (${opened.reason}).`)
        return
      case 'partial':
        return
      case 'refusal':
        // A log entry with the sender's next counter: counted, so no gap shows.
        if (opened.sender !== sender) counters.see(opened.sender, opened.counter)
        await receiveRefusal(opened.notice)
        return
      case 'update':
      case 'compacted': {
        if (opened.kind === 'compacted') counters.covered(opened.senders)
        // Each part is counted as it arrives; a gap shows on the whole message.
        if (opened.kind === 'update' && opened.sender !== sender) counters.see(opened.sender, opened.counter)
        // An artifact document's entry (issue #11): applied to that document, never to the root.
        if (opened.docKey !== '') return receiveArtifact(opened.docKey, opened.update, opened.signed, firstSeq)
        if (!(await applyUpdate(opened.update, opened.signed, firstSeq, opened))) {
          warnOfEntry('Mutual relay sync ignored a change that did not decode or apply.')
        }
      }
    }
  }

  const handleFrame = async (frame: RelayFrame, session: number): Promise<void> => {
    if (session !== link.session) return
    switch (frame.type) {
      case 'welcome':
        mark('relay:welcome')
        clearOpenTimer()
        link.hung = false
        if (Math.max(cursor.after, cursor.acked) > frame.head) {
          // The relay lost data (an older backup, or a new relay): everything here is unsent.
          // `acked` counts too: a device closed right after an ACK has not had its own entry
          // back yet, so `after` alone may still be below the head the relay has lost.
          cursor.after = Math.min(cursor.after, frame.head)
          cursor.acked = frame.head
          cursor.held = copySummary(EMPTY_SUMMARY)
          cursor.heldAt = null
          persist()
          reconnect(0)
          return
        }
        legacy.welcome(cursor.after, frame.head, options.trust?.legacy() ?? false)
        log.bytes = frame.logBytes
        log.snapshotBytes = null
        pacer.setRates(frame.rates)
        if (frame.head > cursor.after && (frame.snapshotCovers > cursor.after || frame.logBytes >= LARGE_UPDATE_BYTES)) {
          options.readyCheck?.()
          backlogIn()
          backlogIn = options.backlogOnItsWay?.() ?? (() => {})
        }
        return
      case 'snapshot':
        mark('relay:snapshot-received')
        if (frame.covers <= cursor.after) return
        await receiveSealed('snapshot', frame.sealed, frame.covers)
        log.snapshotBytes = frame.sealed.length
        cursor.after = frame.covers
        persistSoon()
        return
      case 'entry':
        if (frame.seq <= cursor.after) return
        if (frame.seq > cursor.after + 1 && missedFrom !== cursor.after) {
          // Seqs are consecutive, so something was not delivered: ask again from here, once.
          // If the relay jumps the same way again, it no longer has them (the gap shows).
          missedFrom = cursor.after
          reconnect(0)
          return
        }
        await receiveSealed('entry', frame.sealed, frame.seq)
        cursor.after = frame.seq
        if (link.phase === 'live') log.bytes += frame.sealed.length
        persistSoon()
        changed()
        considerCompaction()
        return
      case 'caught-up':
        mark('relay:caught-up')
        // Every frame before this one has been handled (they are taken in order).
        backlogIn()
        backlogIn = () => {}
        legacy.caughtUp()
        link.phase = 'live'
        link.failures = 0
        link.unreachableSince = null
        if (link.problem?.state === 'unavailable') link.problem = null
        cursor.after = Math.max(cursor.after, frame.head)
        persistSoon()
        if (refetchLetGo()) return
        presence.announce()
        // As in the periodic look: schedule it before uploadMissing, which brings it forward
        // when this device's state is not counted yet (the page is still busy opening).
        scheduleReconcile(timing.reconcileMs)
        uploadMissing()
        uploadUnsentArtifacts()
        changed()
        considerCompaction()
        return
      case 'ack': {
        const message = outbox.unacked.get(frame.ref)
        if (!message) return
        outbox.unacked.delete(frame.ref)
        message.refs.delete(frame.ref)
        outbox.lastAckAt = Date.now()
        cursor.acked = Math.max(cursor.acked, frame.seq)
        link.refusals = 0
        if (link.problem?.state === 'unavailable' || link.problem?.state === 'full') link.problem = null
        if (message.refs.size === 0) {
          message.settle?.(true)
          if (message.compaction) {
            log.compacting = false
            log.snapshotBytes = message.sealedBytes
            log.bytes = 0
          } else log.bytes += message.sealedBytes
          noteHeld(message.held(cursor.held))
        }
        changed()
        considerCompaction()
        return
      }
      case 'presence':
        await presence.receive(frame.sealed)
        return
      case 'error':
        handleError(frame.code, frame.ref, frame.message)
    }
  }

  /** Backs off for longer with each refusal since the relay last acknowledged something. */
  const reconnectAfterRefusal = (): void => reconnect(backoffDelay(link.refusals++, timing.backoff, options.random))

  const handleError = (code: number, ref: number, message: string): void => {
    // The request the ERROR answers (its ref), if it is one of this device's: that one was not
    // stored, whatever happens to the connection.
    const request = ref === 0 ? undefined : outbox.unacked.get(ref)
    if (request?.compaction && code !== RELAY_ERROR.rateLimited) {
      // A COMPACT refused (someone compacted first, or the snapshot would not fit): nothing is
      // lost and appends go on; look again once the log has grown past the relay's snapshot.
      outbox.unacked.delete(ref)
      log.compacting = false
      log.snapshotBytes = code === RELAY_ERROR.full ? Math.max(log.bytes, request.sealedBytes) : null
      changed()
      considerCompaction()
      return
    }
    switch (code) {
      case RELAY_ERROR.unsupportedVersion:
        stop(RELAY_PROBLEMS.newerVersion)
        return
      case RELAY_ERROR.compactionRefused:
        log.compacting = false
        log.snapshotBytes = null
        changed()
        return
      case RELAY_ERROR.rateLimited:
        // Still too fast for this relay (its clock and ours differ, or it is busy): slower from
        // now on, and what it did not take is sent again after the reconnect.
        pacer.slowDown()
        reconnectAfterRefusal()
        return
      case RELAY_ERROR.unavailable:
      case RELAY_ERROR.full:
      case RELAY_ERROR.tooManyConnections:
        link.problem = code === RELAY_ERROR.full ? { state: 'full', message: RELAY_PROBLEMS.full } : { state: 'unavailable', message: RELAY_PROBLEMS.unavailable }
        reconnectAfterRefusal()
        return
      default:
        console.warn(`Mutual relay sync: the relay answered ${code} (${message.slice(0, 200)}).`)
        reconnectAfterRefusal()
    }
  }

  // ---- the socket ---------------------------------------------------------------------

  /** Ends the wait for a large backlog announced by WELCOME (see backlogOnItsWay). */
  let backlogIn: () => void = () => {}

  const clearOpenTimer = (): void => {
    if (link.openTimer) clearTimeout(link.openTimer)
    link.openTimer = null
  }

  const dropSocket = (): void => {
    clearOpenTimer()
    backlogIn()
    backlogIn = () => {}
    const socket = link.socket
    link.socket = null
    link.session++
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null
      try {
        socket.close()
      } catch {
        // Already closing.
      }
    }
    // What was on its way is sent again after the next CAUGHT_UP (uploadMissing covers it).
    for (const message of outbox.unacked.values()) message.settle?.(false)
    outbox.unacked.clear()
    pacer.clear()
    if (outbox.batchTimer) clearTimeout(outbox.batchTimer)
    outbox.batchTimer = null
    log.compacting = false
    if (log.timer) clearTimeout(log.timer)
    log.timer = null
    if (reconcileTimer) clearTimeout(reconcileTimer)
    reconcileTimer = null
  }

  const stop = (message: string): void => {
    dropSocket()
    link.phase = 'stopped'
    refuse(message)
    changed()
  }

  const reconnect = (delay: number): void => {
    if (link.phase === 'destroyed' || link.phase === 'stopped') return
    dropSocket()
    link.phase = 'waiting'
    if (link.reconnectTimer) clearTimeout(link.reconnectTimer)
    link.reconnectTimer = options.online() ? setTimeout(connect, delay) : null
    changed()
  }

  const onFailure = (): void => {
    link.unreachableSince ??= Date.now()
    reconnect(backoffDelay(link.failures++, timing.backoff, options.random))
  }

  const connect = (): void => {
    link.reconnectTimer = null
    if (link.phase === 'destroyed' || link.phase === 'stopped' || !options.online()) return
    dropSocket()
    const session = link.session
    link.phase = 'connecting'
    let socket: RelaySocket
    try {
      socket = options.socket(options.url)
    } catch {
      onFailure()
      return
    }
    link.socket = socket
    socket.binaryType = 'arraybuffer'
    // Neither open nor closed, or open and silent: give this attempt up (reconnect closes it).
    link.openTimer = setTimeout(() => {
      link.openTimer = null
      if (session !== link.session) return
      // Once per outage: the attempts after it hang the same way.
      if (!link.hung) console.warn(`Mutual relay sync gave up a connection that did not answer within ${timing.openTimeoutMs / 1000} s.`)
      link.hung = true
      onFailure()
    }, timing.openTimeoutMs)
    socket.onopen = () => {
      if (session !== link.session) return
      link.phase = 'catching-up'
      // From the first part of a message still incomplete, so its parts come again; and from
      // the first state let go undecided, so it is judged again.
      cursor.after = safeAfter()
      letGo.from = null
      letGo.refetch = false
      detachedBudget.entries = 0
      detachedBudget.bytes = 0
      socket.send(encodeHello(keys.token, cursor.after))
      changed()
    }
    let sliceStart = 0
    socket.onmessage = (event) => {
      const decoded = decodeRelayFrame(event.data)
      incoming = incoming.then(async () => {
        if (session !== link.session) return
        if (!decoded.ok) {
          if (decoded.problem === 'newer-version') stop(RELAY_PROBLEMS.newerVersion)
          else {
            console.warn(`Mutual relay sync closed a connection that sent ${decoded.problem === 'too-large' ? 'a frame over its limit' : `a malformed frame (${decoded.reason})`}.`)
            onFailure()
          }
          return
        }
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage()
          sliceStart = performance.now()
        }
        try {
          await handleFrame(decoded.frame, session)
        } catch (error) {
          console.warn('Mutual relay sync could not handle a frame.', error)
        }
      })
    }
    socket.onclose = () => {
      if (session !== link.session) return
      // A connection that worked ends: start counting again. One that never opened is a failure.
      if (link.phase === 'live') link.failures = 0
      onFailure()
    }
    socket.onerror = () => {
      // onclose follows and decides.
    }
    changed()
  }

  /**
   * Membership entries arrived: states let go may be decidable now. Fetched again from the
   * first of them once caught up (at most once per catch-up, whatever the log gains meanwhile).
   */
  const refetchLetGo = (): boolean => {
    if (!letGo.refetch || letGo.from === null || link.phase !== 'live') return false
    letGo.refetch = false
    reconnect(0)
    return true
  }
  const wantRefetch = (): void => {
    if (letGo.from === null) return
    letGo.refetch = true
    refetchLetGo()
  }
  const stopWatchingMembership = options.trust?.onMembershipChange(wantRefetch)

  const onDocChange = (): void => {
    // Deletions and "synced" depend on the whole document, not only on this device's changes.
    changed()
  }
  doc.on('afterTransaction', onDocChange)
  connect()

  return {
    send(change) {
      // Not live: nothing is kept here, the upload after the next CAUGHT_UP includes it.
      if (link.phase !== 'live') return
      outbox.batch.push(change.update)
      outbox.batchDeleted += change.deleted
      outbox.batchTimer ??= setTimeout(flushBatch, timing.batchMs)
      changed()
    },
    status: () => lastStatus ?? status(),
    held: () => cursor.held,
    networkChanged() {
      if (options.online()) {
        if (link.phase === 'waiting' && !link.reconnectTimer) connect()
      } else {
        link.unreachableSince ??= Date.now()
        reconnect(0)
      }
      changed()
    },
    reconcile: uploadMissing,
    flush() {
      if (persistTimer) persist()
    },
    destroy() {
      if (link.phase === 'destroyed') return
      flushBatch()
      dropSocket()
      link.phase = 'destroyed'
      if (link.reconnectTimer) clearTimeout(link.reconnectTimer)
      if (persistTimer) clearTimeout(persistTimer)
      persist()
      presence.destroy()
      pacer.destroy()
      notices?.destroy()
      doc.off('afterTransaction', onDocChange)
      stopWatchingMembership?.()
      artifacts?.destroy()
    }
  }
}
