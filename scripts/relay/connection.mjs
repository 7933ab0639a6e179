// One client's WebSocket to the relay, from HELLO to close (docs/relay-protocol.md): catch-up
// (SNAPSHOT when the device is behind it, ENTRY pages, CAUGHT_UP), then live ENTRY frames, ACKs
// after COMMIT, presence to the room's other connections, and ERROR for whatever it cannot accept.
//
// Every ENTRY of the room reaches every connection in it, the sender's own included (after its
// ACK or just before it), so each device sees one gap-free run of seqs and "the highest seq I
// have applied" is well defined for COMPACT.
//
// Bounds: frames and bytes per second; one APPEND or COMPACT at a time per connection (the
// socket is paused meanwhile, so a fast sender is held back by TCP, not by our memory); delivery
// reads the log a page at a time and waits for each page to reach the socket before the next; a
// connection that stays far behind, stops answering pings or never says HELLO is closed.
import { makeTokenBucket } from '../net-limits.mjs'
import {
  ERROR_CODE,
  PROTOCOL_VERSION,
  decodeClientFrame,
  encodeAck,
  encodeCaughtUp,
  encodeEntry,
  encodeError,
  encodePresence,
  encodeSnapshot,
  encodeWelcome
} from './frames.mjs'
import { makeFileRequests } from './file-requests.mjs'
import { encodeFilesWelcome } from './file-frames.mjs'
import { roomIdForToken } from './store.mjs'

const OPEN = 1
/** APPEND/COMPACT frames that may wait behind the one in progress. Pausing the socket stops
 * reading, but ws still parses what it already read (one socket chunk, or one large frame), so
 * a pipelining client can have hundreds queued; the frame rate's burst bounds them first. */
const MAX_QUEUED_WRITES = 1_000

/** WebSocket close codes for the relay's ERROR codes (RFC 6455, 7.4.1). */
const CLOSE_CODE = {
  [ERROR_CODE.UNSUPPORTED_VERSION]: 1002,
  [ERROR_CODE.MALFORMED]: 1002,
  [ERROR_CODE.NOT_ALLOWED]: 1002,
  [ERROR_CODE.TOO_LARGE]: 1009,
  [ERROR_CODE.RATE_LIMITED]: 1008,
  [ERROR_CODE.FULL]: 1008,
  [ERROR_CODE.TOO_MANY_CONNECTIONS]: 1008,
  [ERROR_CODE.UNAVAILABLE]: 1013
}

/** Live delivery that failed (database away) tries again after this, doubling up to the most. */
const RETRY_FIRST_MS = 250
const RETRY_MOST_MS = 5_000

/** How long a closing connection may take to answer the close before its socket is dropped. */
const CLOSE_GRACE_MS = 2_000

const UNAVAILABLE_MESSAGE = 'The relay’s database is unavailable; try again shortly.'

/**
 * @param {import('ws').WebSocket} ws
 * @param {{
 *   store: import('./store.d.mts').RelayStore,
 *   fanout: import('./room-fanout.d.mts').RoomFanout,
 *   limits: import('./limits.d.mts').RelayLimits,
 *   origin: string,
 *   ready: Promise<void>
 * }} context
 */
export const handleRelayConnection = (ws, { store, fanout, limits, origin, ready }) => {
  /** 'files': a connection that said FILES_HELLO, for attachments only (no log, no presence). */
  /** @type {'awaiting-hello' | 'catching-up' | 'live' | 'files' | 'closed'} */
  let phase = 'awaiting-hello'
  /** @type {Buffer | null} */
  let room = null
  let roomHex = ''
  /** The highest seq this connection has been sent (or that its snapshot covers). */
  let cursor = 0
  let pumping = false
  let behind = false
  let answeredPing = true
  /** The unsent backlog at the last heartbeat, to tell a slow reader from one that stopped. */
  let bufferedAtHeartbeat = 0
  /** @type {{ ref: number, write: () => Promise<void> }[]} */
  const writes = []
  let writing = false
  const frameRate = makeTokenBucket({ perSecond: limits.framesPerSecond, burst: limits.frameBurst })
  const byteRate = makeTokenBucket({ perSecond: limits.bytesPerSecond, burst: limits.byteBurst })

  /** @type {() => void} */
  let markClosed = () => {}
  const closed = new Promise((resolve) => {
    markClosed = () => resolve(false)
  })

  /** Set when a frame reached the kernel: a client still reading, however slowly (a 64 MiB
   * snapshot over a slow line holds its pong back for as long as it takes). */
  let deliveredSinceHeartbeat = false

  /** Resolves once the frame has reached the socket (true), or the connection closed (false). */
  const send = (/** @type {Buffer} */ bytes) => {
    if (ws.readyState !== OPEN) return Promise.resolve(false)
    const sent = new Promise((resolve) =>
      ws.send(bytes, (error) => {
        if (!error) deliveredSinceHeartbeat = true
        resolve(!error)
      })
    )
    return Promise.race([sent, closed])
  }

  /** Says what went wrong (and which APPEND or COMPACT, when one) and closes; the first failure wins. */
  const fail = (/** @type {number} */ code, /** @type {string} */ message, ref = 0) => {
    if (phase === 'closed') return
    phase = 'closed'
    if (ws.readyState !== OPEN) return
    ws.send(encodeError(code, message, ref), () => {})
    // A paused socket (a write in progress) would never read the client's close frame.
    ws.resume()
    ws.close(CLOSE_CODE[/** @type {keyof typeof CLOSE_CODE} */ (code)] ?? 1008)
    // A client that never answers the close is not given ws's 30 s to hold the socket.
    setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref?.()
  }

  const helloTimer = setTimeout(
    () => fail(ERROR_CODE.NOT_ALLOWED, 'HELLO was expected, and did not come in time.'),
    limits.helloTimeoutMs
  )

  /** Sends the compacted state when it covers more than the cursor; true when it did. */
  const deliverSnapshot = async () => {
    const snapshot = await store.readSnapshotAbove(/** @type {Buffer} */ (room), cursor)
    if (!snapshot) return false
    await send(encodeSnapshot(snapshot.covers, snapshot.sealed))
    cursor = Math.max(cursor, snapshot.covers)
    return true
  }

  /** Sends one page of the log after the cursor (or the snapshot, when the cursor is below it). */
  const deliverPage = async () => {
    const activeRoom = /** @type {Buffer} */ (room)
    const page = await store.readEntries(activeRoom, cursor, { maxEntries: limits.pageEntries, maxBytes: limits.pageBytes })
    const first = page.entries[0]
    // Empty or not continuous: a compaction may have replaced what comes next.
    if ((!first || first.seq !== cursor + 1) && (await deliverSnapshot())) return true
    /** @type {Promise<unknown> | null} */
    let lastSent = null
    for (const entry of page.entries) {
      if (entry.seq <= cursor) continue
      lastSent = send(encodeEntry(entry.seq, entry.sealed))
      cursor = entry.seq
    }
    await lastSent
    return page.more
  }

  /** Delivers until nothing newer is known; a wake during delivery runs it once more. */
  const pump = async () => {
    if (pumping) {
      behind = true
      return
    }
    pumping = true
    try {
      do {
        behind = false
        if (await deliverPage()) behind = true
      } while (behind && phase !== 'closed')
    } finally {
      pumping = false
    }
  }

  /** @type {ReturnType<typeof setTimeout> | null} */
  let retryTimer = null
  let retryDelay = RETRY_FIRST_MS

  const pumpLive = () => {
    if (phase !== 'live') {
      behind = true
      return
    }
    pump().then(
      () => {
        retryDelay = RETRY_FIRST_MS
      },
      // The database is away: keep the connection (its cursor loses nothing) and read again
      // later, rather than send every live device into a reconnect at the same moment.
      () => {
        if (retryTimer || phase === 'closed') return
        retryTimer = setTimeout(() => {
          retryTimer = null
          pumpLive()
        }, retryDelay)
        retryDelay = Math.min(retryDelay * 2, RETRY_MOST_MS)
      }
    )
  }

  /** @type {import('./room-fanout.d.mts').RoomMember} */
  const member = {
    origin,
    wake: (seq) => {
      if (seq > cursor) pumpLive()
    },
    resync: pumpLive,
    presence: (sealed) => {
      // Presence is momentary: a connection that is far behind loses it rather than queues it.
      if (phase === 'closed' || ws.readyState !== OPEN || ws.bufferedAmount > limits.maxBufferedBytes) return
      void send(encodePresence(sealed))
    }
  }

  const hello = async (/** @type {Buffer} */ token, /** @type {number} */ after) => {
    clearTimeout(helloTimer)
    phase = 'catching-up'
    room = roomIdForToken(token)
    roomHex = room.toString('hex')
    try {
      await ready
      fanout.join(roomHex, member)
      const state = await store.roomState(room)
      if (phase === 'closed') return
      await send(encodeWelcome(state, limits))
      // A device ahead of the relay's head holds a history this relay lost: send it everything.
      cursor = after > state.head ? 0 : after
      // A device behind the compacted state (a new one, say) gets it first, read at once: not
      // after a page of the log that only shows the state is needed, read and thrown away.
      if (state.snapshotCovers > cursor) await deliverSnapshot()
      if (phase === 'closed') return
      await pump()
      if (phase === 'closed') return
      await send(encodeCaughtUp(cursor))
      phase = 'live'
      if (behind) pumpLive()
    } catch {
      fail(ERROR_CODE.UNAVAILABLE, UNAVAILABLE_MESSAGE)
    }
  }

  const files = makeFileRequests({ store, room: () => /** @type {Buffer} */ (room), send })

  const filesHello = (/** @type {Buffer} */ token) => {
    clearTimeout(helloTimer)
    phase = 'files'
    room = roomIdForToken(token)
    void send(encodeFilesWelcome(limits, PROTOCOL_VERSION))
  }

  const append = async (/** @type {number} */ ref, /** @type {Buffer} */ sealed) => {
    const result = await store.append(/** @type {Buffer} */ (room), sealed)
    if (!result.ok) return fail(ERROR_CODE.FULL, result.message, ref)
    await send(encodeAck(ref, result.seq))
  }

  const compact = async (/** @type {number} */ ref, /** @type {number} */ covers, /** @type {Buffer} */ sealed) => {
    const result = await store.compact(/** @type {Buffer} */ (room), covers, sealed)
    if (result.ok) await send(encodeAck(ref, covers))
    // Either way nothing changed and the connection goes on: the device learns which COMPACT
    // it was (by its ref) and keeps appending.
    else await send(encodeError(result.reason === 'refused' ? ERROR_CODE.COMPACTION_REFUSED : ERROR_CODE.FULL, result.message, ref))
  }

  /** Runs APPEND/COMPACT one at a time, in the order they came, reading no more meanwhile. */
  const enqueueWrite = (/** @type {number} */ ref, /** @type {() => Promise<void>} */ write) => {
    if (writes.length >= MAX_QUEUED_WRITES) return fail(ERROR_CODE.RATE_LIMITED, 'Too many writes at once: wait for their ACKs.', ref)
    writes.push({ ref, write })
    if (writing) return
    writing = true
    ws.pause()
    void (async () => {
      while (writes.length > 0 && phase !== 'closed') {
        const next = /** @type {{ ref: number, write: () => Promise<void> }} */ (writes.shift())
        try {
          await next.write()
        } catch {
          fail(ERROR_CODE.UNAVAILABLE, UNAVAILABLE_MESSAGE, next.ref)
        }
      }
      writes.length = 0
      writing = false
      if (ws.readyState === OPEN) ws.resume()
    })()
  }

  ws.on('message', (data, isBinary) => {
    if (phase === 'closed') return
    answeredPing = true
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)
    // Decoded first (it only reads the header) so a refusal can name the APPEND it refuses.
    const frame = isBinary ? decodeClientFrame(bytes) : null
    if (!frameRate.take(1) || !byteRate.take(bytes.length)) {
      const ref = frame?.kind === 'append' || frame?.kind === 'compact' ? frame.ref : 0
      return fail(ERROR_CODE.RATE_LIMITED, 'Too many frames or bytes too quickly: slow down.', ref)
    }
    if (!frame) return fail(ERROR_CODE.MALFORMED, 'Relay frames are binary.')
    switch (frame.kind) {
      case 'problem':
        return fail(frame.code, frame.message)
      case 'hello':
        if (phase !== 'awaiting-hello') return fail(ERROR_CODE.NOT_ALLOWED, 'HELLO comes once, first.')
        return void hello(frame.token, frame.after)
      case 'files-hello':
        if (phase !== 'awaiting-hello') return fail(ERROR_CODE.NOT_ALLOWED, 'HELLO comes once, first.')
        return filesHello(frame.token)
      default:
        if (phase === 'awaiting-hello') return fail(ERROR_CODE.NOT_ALLOWED, 'Send HELLO first.')
        if (frame.kind === 'file-has') return enqueueWrite(frame.ref, () => files.has(frame.ref, frame.ids))
        if (frame.kind === 'file-put') return enqueueWrite(frame.ref, () => files.put(frame.ref, frame.id, frame.total, frame.part, frame.slice))
        if (frame.kind === 'file-get') return enqueueWrite(frame.ref, () => files.get(frame.ref, frame.id))
        if (phase === 'files') return fail(ERROR_CODE.NOT_ALLOWED, 'A files connection sends only file frames.')
        if (frame.kind === 'presence') {
          fanout.publishPresence(roomHex, origin, frame.sealed).catch(() => {})
          return
        }
        if (frame.kind === 'append') return enqueueWrite(frame.ref, () => append(frame.ref, frame.sealed))
        return enqueueWrite(frame.ref, () => compact(frame.ref, frame.covers, frame.sealed))
    }
  })
  ws.on('pong', () => {
    answeredPing = true
  })
  // A frame over maxPayload or a broken frame: ws has already closed with a fitting code.
  ws.on('error', () => ws.terminate())
  ws.on('close', () => {
    phase = 'closed'
    clearTimeout(helloTimer)
    if (retryTimer) clearTimeout(retryTimer)
    if (roomHex) fanout.leave(roomHex, member)
    writes.length = 0
    markClosed()
  })

  return {
    /** Called every heartbeat: pings, and ends a connection that is silent or far behind. */
    heartbeat() {
      if (ws.readyState !== OPEN) return
      const reading = deliveredSinceHeartbeat
      deliveredSinceHeartbeat = false
      // While a write is in progress the socket is paused, so its pong cannot be read yet; and
      // a pong queued behind a large download comes late from a client that is still reading.
      if (!answeredPing && !writing && !reading) return ws.terminate()
      // Far behind and no progress since the last beat: it has stopped reading.
      const buffered = ws.bufferedAmount
      if (buffered > limits.maxBufferedBytes && buffered >= bufferedAtHeartbeat && !reading) return ws.terminate()
      bufferedAtHeartbeat = buffered
      answeredPing = false
      ws.ping()
    },
    terminate: () => ws.terminate(),
    phase: () => phase
  }
}
