// The relay's operational limits: what one room, one address, one connection and the whole
// process may use. The protocol's own size limits (entry, snapshot, presence) live in frames.mjs
// because clients rely on them; these are the host's to tune, from the environment.

const MiB = 1024 * 1024

export const DEFAULT_RELAY_LIMITS = Object.freeze({
  /** Sealed bytes one room may hold (its snapshot plus the entries after it). */
  maxRoomBytes: 256 * MiB,
  /** Sealed attachment bytes, and attachments, one room may hold (docs/relay-protocol.md, "Files"). */
  maxRoomFileBytes: 1024 * MiB,
  maxRoomFiles: 10_000,
  /** Rooms one relay database may hold. */
  maxRooms: 10_000,
  /** Open connections for the whole process, and from one address. */
  maxConnections: 2_000,
  maxConnectionsPerAddress: 64,
  /** Sustained frames and bytes per second per connection, with bursts. The byte burst lets one
   * largest compaction through. */
  framesPerSecond: 100,
  frameBurst: 400,
  bytesPerSecond: 8 * MiB,
  byteBurst: 72 * MiB,
  /** A connection that has not sent HELLO by then is closed. */
  helloTimeoutMs: 10_000,
  /** Ping every interval; a connection that has not answered since the last ping is closed. */
  heartbeatMs: 30_000,
  /** A connection whose unsent backlog is above this and has not shrunk over a heartbeat is closed. */
  maxBufferedBytes: 16 * MiB,
  /** A store call taking longer than this answers ERROR 5 (unavailable). */
  queryTimeoutMs: 10_000,
  /** Catch-up and live delivery read the log in pages this big (a page holds at least one entry). */
  pageEntries: 256,
  pageBytes: 4 * MiB,
  /** Use the proxy's X-Forwarded-For entry as the client's address (behind nginx). */
  trustProxy: false
})

/** Environment variable → limit. Documented in README.md, "Hosting the relay". */
export const RELAY_LIMIT_ENV = Object.freeze({
  MUTUAL_RELAY_MAX_ROOM_BYTES: 'maxRoomBytes',
  MUTUAL_RELAY_MAX_ROOMS: 'maxRooms',
  MUTUAL_RELAY_MAX_ROOM_FILE_BYTES: 'maxRoomFileBytes',
  MUTUAL_RELAY_MAX_ROOM_FILES: 'maxRoomFiles',
  MUTUAL_RELAY_MAX_CONNECTIONS: 'maxConnections',
  MUTUAL_RELAY_MAX_CONNECTIONS_PER_ADDRESS: 'maxConnectionsPerAddress',
  MUTUAL_RELAY_FRAMES_PER_SECOND: 'framesPerSecond',
  MUTUAL_RELAY_BYTES_PER_SECOND: 'bytesPerSecond',
  MUTUAL_RELAY_QUERY_TIMEOUT_MS: 'queryTimeoutMs',
  MUTUAL_RELAY_TRUST_PROXY: 'trustProxy'
})

/**
 * The limits with the environment's overrides; a value that is not a positive whole number is
 * refused with a message naming the variable, rather than silently ignored.
 * @param {Record<string, string | undefined>} env
 * @returns {import('./limits.d.mts').RelayLimits}
 */
export const relayLimitsFromEnv = (env) => {
  /** @type {Record<string, number | boolean>} */
  const limits = { ...DEFAULT_RELAY_LIMITS }
  for (const [name, key] of Object.entries(RELAY_LIMIT_ENV)) {
    const raw = env[name]
    if (raw === undefined || raw === '') continue
    if (key === 'trustProxy') {
      limits[key] = raw === '1' || raw === 'true'
      continue
    }
    const value = Number(raw)
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, not "${raw}".`)
    limits[key] = value
  }
  return /** @type {any} */ (limits)
}
