// The relay's store on a PostgreSQL server (DATABASE_URL): a pool for queries and transactions,
// and one dedicated connection for LISTEN. Several relay processes can share the database; each
// hears every other's NOTIFY. When the LISTEN connection drops it is reopened (backing off), and
// everyone listening is told to re-read, since notifications sent meanwhile are lost.
import pg from 'pg'
import { PLAIN_BLOBS, makeRelayStore } from './store.mjs'

const RECONNECT_FIRST_MS = 200
const RECONNECT_MOST_MS = 5_000

/**
 * @param {import('./store.d.mts').StoreOptions & { connectionString: string, poolSize?: number }} options
 */
export const openPgStore = async (options) => {
  const { connectionString, poolSize = 10, queryTimeoutMs } = options
  const connection = {
    connectionString,
    connectionTimeoutMillis: queryTimeoutMs,
    application_name: 'mutual-relay',
    // Notices a vanished server (a cut cable, a killed VM) on otherwise idle connections.
    keepAlive: true
  }
  const pool = new pg.Pool({
    ...connection,
    max: poolSize,
    idleTimeoutMillis: 30_000,
    query_timeout: queryTimeoutMs,
    statement_timeout: queryTimeoutMs
  })
  // An idle pooled connection that loses the server reports here; the pool replaces it. Without a
  // listener the error would end the process.
  pool.on('error', () => {})

  const listener = makeListener(connection)

  /** @type {import('./store.d.mts').SqlDriver} */
  const driver = {
    query: (text, params) => pool.query(text, params),
    transaction: async (work) => {
      const client = await pool.connect()
      /** @type {unknown} */
      let failure
      try {
        await client.query('BEGIN')
        const result = await work(client)
        await client.query('COMMIT')
        return result
      } catch (error) {
        failure = error
        await client.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        // A connection that failed mid-transaction may be in any state: close it, do not reuse it.
        client.release(failure ? true : undefined)
      }
    },
    listen: listener.listen,
    blob: PLAIN_BLOBS,
    close: async () => {
      await listener.close()
      await pool.end()
    }
  }
  try {
    return await makeRelayStore(driver, options)
  } catch (error) {
    await driver.close().catch(() => {})
    throw error
  }
}

/**
 * One connection that LISTENs on every channel asked for, reopened whenever it drops.
 * @param {import('pg').ClientConfig} connection
 */
const makeListener = (connection) => {
  /** @type {Map<string, Set<{ onPayload: (payload: string) => void, onResync?: () => void }>>} */
  const channels = new Map()
  /** @type {import('pg').Client | null} */
  let client = null
  /** @type {Promise<import('pg').Client> | null} */
  let connecting = null
  /** @type {ReturnType<typeof setTimeout> | null} */
  let retry = null
  let delay = RECONNECT_FIRST_MS
  let closed = false

  const quote = (/** @type {string} */ channel) => `"${channel.replaceAll('"', '""')}"`

  const drop = (/** @type {import('pg').Client} */ lost) => {
    if (client !== lost) return
    client = null
    lost.end().catch(() => {})
    scheduleReconnect()
  }

  const open = () => {
    connecting ??= (async () => {
      const next = new pg.Client(connection)
      next.on('error', () => drop(next))
      next.on('end', () => drop(next))
      next.on('notification', (message) => {
        for (const listener of channels.get(message.channel) ?? []) listener.onPayload(message.payload ?? '')
      })
      try {
        await next.connect()
        for (const channel of channels.keys()) await next.query(`LISTEN ${quote(channel)}`)
      } catch (error) {
        next.end().catch(() => {})
        throw error
      }
      if (closed) {
        await next.end().catch(() => {})
        throw new Error('The relay store is closed.')
      }
      client = next
      delay = RECONNECT_FIRST_MS
      return next
    })().finally(() => {
      connecting = null
    })
    return connecting
  }

  const scheduleReconnect = () => {
    if (closed || retry) return
    retry = setTimeout(() => {
      retry = null
      open().then(
        () => {
          for (const listeners of channels.values()) for (const listener of listeners) listener.onResync?.()
        },
        () => {
          delay = Math.min(delay * 2, RECONNECT_MOST_MS)
          scheduleReconnect()
        }
      )
    }, delay)
    retry.unref?.()
  }

  return {
    /** @type {import('./store.d.mts').SqlDriver['listen']} */
    listen: async (channel, onPayload, onResync) => {
      const listener = { onPayload, onResync }
      const known = channels.get(channel)
      if (known) known.add(listener)
      else channels.set(channel, new Set([listener]))
      const current = client ?? (await open())
      if (!known) await current.query(`LISTEN ${quote(channel)}`)
      return async () => {
        const listeners = channels.get(channel)
        listeners?.delete(listener)
        if (listeners?.size === 0) {
          channels.delete(channel)
          await client?.query(`UNLISTEN ${quote(channel)}`).catch(() => {})
        }
      }
    },
    close: async () => {
      closed = true
      if (retry) clearTimeout(retry)
      retry = null
      const current = client
      client = null
      await current?.end().catch(() => {})
    }
  }
}
