// The relay's PGlite in a worker thread of its own (pglite-worker.mjs), seen from the relay's
// thread as a small SQL interface: queries, transactions and LISTEN. PGlite's WebAssembly runs
// synchronously, so in the relay's thread one multi-megabyte append would stall every socket of
// every room until it was written; in a worker only the database waits.
import { Worker } from 'node:worker_threads'

const WORKER_URL = new URL('./pglite-worker.mjs', import.meta.url)


/**
 * Starts PGlite with its data in `dataDir`, in a worker; resolves once it is open.
 * @param {{ dataDir: string }} options
 * @returns {Promise<import('./pglite-thread.d.mts').PgliteThread>}
 */
export const openPgliteThread = async ({ dataDir }) => {
  const worker = new Worker(WORKER_URL, { workerData: { dataDir } })
  /** @type {Map<number, { resolve: (value: any) => void, reject: (error: Error) => void }>} */
  const pending = new Map()
  /** @type {Map<string, Set<(payload: string) => void>>} */
  const channels = new Map()
  let nextId = 1
  /** @type {Error | null} */
  let ended = null
  let closed = false

  const endAll = (/** @type {Error} */ error) => {
    ended ??= error
    for (const { reject } of pending.values()) reject(error)
    pending.clear()
  }

  const ready = new Promise((resolve, reject) => {
    worker.once('error', reject)
    worker.once('exit', () => reject(new Error('The relay database stopped before it opened.')))
    worker.on('message', (message) => {
      if (message.op === 'ready') return resolve(undefined)
      if (message.op === 'notify') {
        for (const listener of channels.get(message.channel) ?? []) listener(message.payload)
        return
      }
      const waiting = pending.get(message.id)
      if (!waiting) return
      pending.delete(message.id)
      if (message.ok) waiting.resolve(message.result)
      else waiting.reject(new Error(message.error))
    })
  })
  worker.on('error', (error) => endAll(error))
  worker.on('exit', () => endAll(new Error('The relay database’s thread has stopped.')))
  await ready

  /** @param {Record<string, unknown>} message */
  const call = (message) => {
    if (ended) return Promise.reject(ended)
    const id = nextId++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject })
      worker.postMessage({ ...message, id })
    })
  }

  const runner = (/** @type {number} */ tx) => ({
    query: (/** @type {string} */ text, /** @type {unknown[] | undefined} */ params) => call({ op: 'query', text, params: params ?? [], tx })
  })

  return {
    query: (text, params) => /** @type {Promise<{ rows: any[] }>} */ (call({ op: 'query', text, params: params ?? [], tx: 0 })),
    async transaction(work) {
      const tx = /** @type {number} */ (await call({ op: 'begin' }))
      let result
      try {
        result = await work(/** @type {any} */ (runner(tx)))
      } catch (error) {
        await call({ op: 'rollback', tx }).catch(() => {})
        throw error
      }
      await call({ op: 'commit', tx })
      return result
    },
    async listen(channel, onPayload) {
      const listeners = channels.get(channel) ?? new Set()
      channels.set(channel, listeners)
      listeners.add(onPayload)
      if (listeners.size === 1) await call({ op: 'listen', channel })
      return async () => {
        listeners.delete(onPayload)
        if (listeners.size === 0 && channels.get(channel) === listeners) {
          channels.delete(channel)
          await call({ op: 'unlisten', channel }).catch(() => {})
        }
      }
    },
    async close() {
      if (closed) return
      closed = true
      await call({ op: 'close' }).catch(() => {})
      await worker.terminate()
    },
    get closed() {
      return closed
    }
  }
}
