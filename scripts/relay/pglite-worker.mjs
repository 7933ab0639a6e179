// The worker thread that owns the relay's PGlite (pglite-thread.mjs starts it). PGlite runs
// PostgreSQL as WebAssembly, synchronously: a statement writing a multi-megabyte entry holds its
// thread for as long as it takes (about half a second for 8 MiB). Here that is this worker, so
// the relay's own thread keeps reading sockets, relaying presence and answering pings meanwhile.
//
// Messages (structured clone), main → worker: { id, op: 'query', text, params, tx } (tx 0: none)
// · { id, op: 'begin' } → the transaction's number · { id, op: 'commit' | 'rollback', tx } ·
// { id, op: 'listen' | 'unlisten', channel } · { id, op: 'close' }. Worker → main: { id, ok,
// result | error } for each, and { op: 'notify', channel, payload } for every notification.
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort)

const reply = (/** @type {number} */ id, /** @type {Promise<unknown>} */ work) =>
  work.then(
    (result) => port.postMessage({ id, ok: true, result }),
    (error) => port.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) })
  )

const db = await PGlite.create({ dataDir: workerData.dataDir })

/** Open transactions: the runner PGlite gave each, how to end it, and its outcome. */
const transactions = new Map()
let nextTransaction = 1
/** @type {Map<string, () => Promise<void>>} */
const listening = new Map()

/** Starts a transaction and resolves with its number once it holds the database. */
const begin = () =>
  new Promise((resolveBegin, rejectBegin) => {
    const number = nextTransaction++
    /** @type {any} */
    const entry = {}
    // PGlite commits when the callback resolves and rolls back when it rejects.
    entry.settled = db
      .transaction(
        (tx) =>
          new Promise((commit, rollback) => {
            Object.assign(entry, { tx, commit, rollback })
            transactions.set(number, entry)
            resolveBegin(number)
          })
      )
      .finally(() => transactions.delete(number))
    entry.settled.catch(rejectBegin)
  })

/** Ends a transaction; resolves once PGlite has committed (or rolled back) it. */
const end = (/** @type {number} */ number, /** @type {boolean} */ commit) => {
  const entry = transactions.get(number)
  if (!entry) return Promise.reject(new Error('No such transaction.'))
  if (commit) {
    entry.commit()
    return entry.settled.then(() => undefined)
  }
  entry.rollback(new Error('Rolled back.'))
  return entry.settled.then(
    () => undefined,
    () => undefined
  )
}

const handle = (/** @type {any} */ message) => {
  switch (message.op) {
    case 'query': {
      const runner = message.tx ? transactions.get(message.tx)?.tx : db
      if (!runner) return Promise.reject(new Error('No such transaction.'))
      return runner.query(message.text, message.params).then((/** @type {any} */ result) => ({ rows: result.rows }))
    }
    case 'begin':
      return begin()
    case 'commit':
      return end(message.tx, true)
    case 'rollback':
      return end(message.tx, false)
    case 'listen':
      if (listening.has(message.channel)) return Promise.resolve()
      return db
        .listen(message.channel, (/** @type {string} */ payload) => port.postMessage({ op: 'notify', channel: message.channel, payload }))
        .then((stop) => {
          listening.set(message.channel, stop)
        })
    case 'unlisten': {
      const stop = listening.get(message.channel)
      listening.delete(message.channel)
      return stop ? stop() : Promise.resolve()
    }
    case 'close':
      return db.closed ? Promise.resolve() : db.close()
    default:
      return Promise.reject(new Error(`Unknown operation ${message.op}.`))
  }
}

port.on('message', (message) => void reply(message.id, Promise.resolve().then(() => handle(message))))
port.postMessage({ op: 'ready' })
