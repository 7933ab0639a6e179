import { afterEach, describe, expect, it } from 'vitest'
import { contentHash } from '../../../src/domain/attachments/content-hash'
import { checkAttachmentSize, MAX_ATTACHMENT_BYTES, MAX_WORKSPACE_ATTACHMENT_BYTES } from '../../../src/domain/attachments/limits'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { attachmentBytesOnDevice, attachmentDbName, deleteAttachmentStore, openAttachmentStore, type AttachmentStore } from '../../../src/storage/attachment-store'

const opened: AttachmentStore[] = []
const open = async (id = makeWorkspaceId()) => {
  const store = await openAttachmentStore(id)
  opened.push(store)
  return { id, store }
}
afterEach(() => opened.splice(0).forEach((s) => s.close()))

const bytes = (text: string) => new TextEncoder().encode(text)

describe('attachment store', () => {
  it('keeps bytes under their SHA-256 and gives them back', async () => {
    const { store } = await open()
    const put = await store.put(bytes('minutes of the site visit'), 'text/plain')
    expect(put.ok).toBe(true)
    if (!put.ok) return
    expect(put.hash).toBe(await contentHash(bytes('minutes of the site visit')))
    const got = await store.get(put.hash)
    expect(new TextDecoder().decode(got!.bytes)).toBe('minutes of the site visit')
    expect(await store.has(put.hash)).toBe(true)
    expect(await store.hashes()).toEqual([put.hash])
  })

  it('stores the same file once and counts its bytes once', async () => {
    const { store } = await open()
    const first = await store.put(bytes('same photo'), 'image/jpeg')
    const second = await store.put(bytes('same photo'), 'image/jpeg')
    expect(first.ok && first.added).toBe(true)
    expect(second.ok && second.added).toBe(false)
    expect(await store.totalBytes()).toBe(10)
  })

  it('refuses bytes that do not hash to the address asked for, storing nothing', async () => {
    const { store } = await open()
    const wanted = await contentHash(bytes('the real photo'))
    const put = await store.put(bytes('something else'), 'image/jpeg', wanted)
    expect(put.ok).toBe(false)
    expect(await store.totalBytes()).toBe(0)
    expect(await store.get(wanted)).toBeNull()
  })

  it('keeps each workspace apart and counts them together for the device', async () => {
    const a = await open()
    const b = await open()
    await a.store.put(bytes('aaaa'), 'text/plain')
    await b.store.put(bytes('bbbbbb'), 'text/plain')
    expect(await a.store.totalBytes()).toBe(4)
    expect(await attachmentBytesOnDevice([a.id, b.id])).toBe(10)
    a.store.close()
    await deleteAttachmentStore(a.id)
    expect(await attachmentBytesOnDevice([a.id, b.id])).toBe(6)
  })

  it('counts without making a store for a workspace that has none', async () => {
    const withFiles = await open()
    await withFiles.store.put(bytes('aaaa'), 'text/plain')
    const without = makeWorkspaceId()
    expect(await attachmentBytesOnDevice([withFiles.id, without])).toBe(4)
    const names = (await indexedDB.databases()).map((db) => db.name)
    expect(names).toContain(attachmentDbName(withFiles.id))
    expect(names).not.toContain(attachmentDbName(without))
  })
})

describe('attachment limits', () => {
  it('refuses a file over the per-file limit and one that would pass the workspace total', () => {
    expect(checkAttachmentSize(MAX_ATTACHMENT_BYTES, 0)).toBeNull()
    expect(checkAttachmentSize(MAX_ATTACHMENT_BYTES + 1, 0)?.kind).toBe('too-large')
    expect(checkAttachmentSize(MAX_ATTACHMENT_BYTES + 1, 0)).toEqual({ kind: 'too-large', size: MAX_ATTACHMENT_BYTES + 1, max: MAX_ATTACHMENT_BYTES })
    expect(checkAttachmentSize(10, MAX_WORKSPACE_ATTACHMENT_BYTES - 10)).toBeNull()
    expect(checkAttachmentSize(11, MAX_WORKSPACE_ATTACHMENT_BYTES - 10)).toEqual({ kind: 'workspace-full', stored: MAX_WORKSPACE_ATTACHMENT_BYTES - 10, max: MAX_WORKSPACE_ATTACHMENT_BYTES })
  })
})
