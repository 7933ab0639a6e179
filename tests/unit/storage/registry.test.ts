import { beforeEach, describe, expect, it } from 'vitest'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import type { RegistryEntry } from '../../../src/domain/registry-entry'
import {
  REGISTRY_DB_NAME,
  makeMemoryRegistry,
  parseStoredProfile,
  type Registry
} from '../../../src/storage/registry'
import { addRawRow, readRawRows, useFreshRegistry } from '../fixtures/indexeddb'

const profile = { id: 'a'.repeat(32), name: 'Asha Patel', organisation: 'Oldham Council', colour: '#1d4ed8' }

const entry = (name: string, lastEditedAt: number): RegistryEntry => ({
  id: makeWorkspaceId(),
  secret: makeWorkspaceSecret(),
  name,
  createdAt: 1000,
  lastOpenedAt: 1000,
  lastEditedAt
})

/** Writes straight into the registry's database, as an older or damaged build might have. */
const writeRaw = (store: string, value: unknown, key?: IDBValidKey): Promise<void> =>
  addRawRow(REGISTRY_DB_NAME, value, store, key)

const readRaw = (store: string): Promise<unknown[]> => readRawRows(REGISTRY_DB_NAME, store)

describe('IndexedDB registry', () => {
  const fresh = useFreshRegistry()
  let registry: Registry
  beforeEach(() => {
    registry = fresh.registry
  })

  it('lists workspaces most recently edited first', async () => {
    const older = entry('Older lab', 1000)
    const newer = entry('Newer lab', 5000)
    await registry.put(older)
    await registry.put(newer)
    expect(await registry.list()).toEqual({ entries: [newer, older], unreadable: 0 })
    expect(await registry.get(older.id)).toEqual(older)
  })

  it('replaces an entry on put and forgets it on remove', async () => {
    const lab = entry('Lab', 1000)
    await registry.put(lab)
    await registry.put({ ...lab, name: 'Renamed lab' })
    expect((await registry.list()).entries.map((e) => e.name)).toEqual(['Renamed lab'])
    await registry.remove(lab.id)
    expect(await registry.list()).toEqual({ entries: [], unreadable: 0 })
    expect(await registry.get(lab.id)).toBeNull()
  })

  it('refuses to store an entry that does not validate', async () => {
    const bad = { ...entry('Lab', 1000), secret: 'too short' } as unknown as RegistryEntry
    await expect(registry.put(bad)).rejects.toThrow()
    expect(await readRaw('workspaces')).toEqual([])
  })

  it('counts entries it cannot read and leaves them exactly as they were', async () => {
    const good = entry('Readable lab', 1000)
    await registry.put(good)
    const odd = { id: 'made-by-something-else', name: 12 }
    await writeRaw('workspaces', odd)
    const listing = await registry.list()
    expect(listing).toEqual({ entries: [good], unreadable: 1 })
    expect(await readRaw('workspaces')).toContainEqual(odd)
    expect(await registry.get('made-by-something-else' as RegistryEntry['id'])).toBeNull()
  })

  it('has no profile on a new device, then reads back the one saved', async () => {
    expect(await registry.readProfile()).toEqual({ status: 'none' })
    await registry.writeProfile(profile as never)
    expect(await registry.readProfile()).toEqual({ status: 'ok', profile })
  })

  it('reads an invalid stored profile as partial, keeping what is valid and the record itself', async () => {
    const damaged = { ...profile, name: '', colour: 'hotpink' }
    await writeRaw('settings', damaged, 'profile')
    const read = await registry.readProfile()
    expect(read).toEqual({
      status: 'invalid',
      partial: { id: profile.id, organisation: profile.organisation },
      reason: expect.any(String)
    })
    expect(await readRaw('settings')).toEqual([damaged])
  })

  it('refuses to save an invalid profile, keeping the stored one', async () => {
    await registry.writeProfile(profile as never)
    await expect(registry.writeProfile({ ...profile, colour: 'hotpink' } as never)).rejects.toThrow()
    expect(await registry.readProfile()).toEqual({ status: 'ok', profile })
  })

  it('keeps its data when the registry is opened again', async () => {
    const lab = entry('Lab', 1000)
    await registry.put(lab)
    await registry.writeProfile(profile as never)
    registry = await fresh.reopen()
    expect((await registry.list()).entries).toEqual([lab])
    expect(await registry.readProfile()).toEqual({ status: 'ok', profile })
  })
})

describe('parseStoredProfile', () => {
  it('reads nothing stored as no profile', () => {
    expect(parseStoredProfile(undefined)).toEqual({ status: 'none' })
    expect(parseStoredProfile(null)).toEqual({ status: 'none' })
  })

  it('names the fields that could not be read, in plain words', () => {
    const read = parseStoredProfile({ ...profile, name: 42, colour: 'hotpink' })
    expect(read.status).toBe('invalid')
    if (read.status !== 'invalid') return
    expect(read.partial).toEqual({ id: profile.id, organisation: profile.organisation })
    expect(read.reason).toMatch(/name/)
    expect(read.reason).toMatch(/colour/)
    expect(read.reason).not.toMatch(/organisation/)
  })

  it('copes with something that is not an object at all', () => {
    expect(parseStoredProfile('Asha')).toMatchObject({ status: 'invalid', partial: {} })
    expect(parseStoredProfile(['Asha'])).toMatchObject({ status: 'invalid', partial: {} })
  })
})

describe('memory registry', () => {
  it('keeps workspaces and the profile for as long as the tab lives', async () => {
    const registry = makeMemoryRegistry()
    const older = entry('Older', 1000)
    const newer = entry('Newer', 2000)
    await registry.put(older)
    await registry.put(newer)
    expect((await registry.list()).entries).toEqual([newer, older])
    await registry.remove(newer.id)
    expect(await registry.get(newer.id)).toBeNull()
    expect(await registry.readProfile()).toEqual({ status: 'none' })
    await registry.writeProfile(profile as never)
    expect(await registry.readProfile()).toEqual({ status: 'ok', profile })
    await expect(registry.writeProfile({ ...profile, name: '' } as never)).rejects.toThrow()
  })
})

describe('parseStoredProfile reason', () => {
  it('lists every unreadable field', () => {
    expect(parseStoredProfile({ ...profile, name: '', organisation: 5, colour: 'x' })).toMatchObject({
      reason: 'Could not read your name, your council or organisation and your colour.'
    })
    expect(parseStoredProfile('Asha')).toMatchObject({
      reason: 'Could not read your name, your council or organisation, your colour and your member number.'
    })
  })
})
