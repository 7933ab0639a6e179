import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { PINNED_Y_INDEXEDDB_VERSION } from '../../../src/storage/adapters/y-indexeddb-internals'

const require = createRequire(import.meta.url)
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..')

/**
 * src/storage/adapters/y-indexeddb-internals.ts reaches into y-indexeddb's provider. This
 * fails when an upgrade moves or retypes anything it relies on.
 */
describe('the y-indexeddb internals the adapter relies on', () => {
  it('y-indexeddb is pinned, exactly, to the version installed and adapted to', () => {
    const declared = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies
    const installed = (JSON.parse(readFileSync(require.resolve('y-indexeddb/package.json'), 'utf8')) as { version: string }).version
    expect(declared['y-indexeddb']).toBe(PINNED_Y_INDEXEDDB_VERSION)
    expect(installed).toBe(PINNED_Y_INDEXEDDB_VERSION)
  })

  it('a provider has every field used, with its type, and stores through the listener the adapter pauses', async () => {
    const doc = new Y.Doc()
    const provider = new IndexeddbPersistence(`internals-${Math.random()}`, doc)
    await provider.whenSynced
    const internals = provider as unknown as Record<string, unknown>
    expect(internals._db).toBeInstanceOf(Promise)
    expect(await internals._db).toBeInstanceOf(IDBDatabase)
    expect(typeof internals._dbref).toBe('number')
    expect(typeof internals._dbsize).toBe('number')
    expect(internals._storeTimeoutId).toBeNull()
    expect(typeof internals._storeUpdate).toBe('function')
    // The same function y-indexeddb listens with: a change counts as a stored record.
    const before = internals._dbsize as number
    doc.getText('t').insert(0, 'hello')
    expect(internals._dbsize).toBe(before + 1)
    await provider.destroy()
    doc.destroy()
  })
})
