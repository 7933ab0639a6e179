import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import type { RegistryEntry } from '../../../src/domain/registry-entry'
import { makeBackup, readBackup } from '../../../src/storage/backup'
import { collectBackupAttachments, decodeBackupAttachments, restoreBackupAttachments } from '../../../src/storage/backup-attachments'
import { openAttachmentStore } from '../../../src/storage/attachment-store'
import { jpegWithGpsExif } from './jpeg-exif'

const entryFor = (id = makeWorkspaceId()) => ({ id, secret: makeWorkspaceSecret(), name: 'Food lab' }) as unknown as RegistryEntry

describe('attachments in backups', () => {
  it('a backup carries the workspace’s photos and restoring it puts them back, checked by hash', async () => {
    const entry = entryFor()
    const store = await openAttachmentStore(entry.id)
    const photo = jpegWithGpsExif()
    const put = await store.put(photo, 'image/jpeg')
    await store.put(new TextEncoder().encode('minutes'), 'text/plain')
    const { section, leftOut } = await collectBackupAttachments(store)
    store.close()
    expect(leftOut).toBe(0)

    const doc = new Y.Doc()
    doc.getMap('meta').set('name', 'Food lab')
    const read = await readBackup(await makeBackup(entry, doc, 'a long passphrase', 1, section), 'a long passphrase')
    expect(read.ok).toBe(true)
    if (!read.ok) return
    // The update is exactly the workspace's: the attachments sit after it.
    expect(() => Y.applyUpdate(new Y.Doc(), read.update)).not.toThrow()

    const elsewhere = makeWorkspaceId()
    expect(await restoreBackupAttachments(elsewhere, read.attachments)).toEqual({ ok: true, restored: 2 })
    const restored = await openAttachmentStore(elsewhere)
    expect((await restored.get(put.ok ? put.hash : ('' as never)))?.bytes).toEqual(photo)
    restored.close()
  })

  it('leaves out what passes the budget, and restores nothing from a damaged or doctored section', async () => {
    const entry = entryFor()
    const store = await openAttachmentStore(entry.id)
    await store.put(new Uint8Array(100).fill(1), 'text/plain')
    await store.put(new Uint8Array(100).fill(2), 'text/plain')
    const { section, leftOut } = await collectBackupAttachments(store, 150)
    store.close()
    expect(leftOut).toBe(1)
    expect(decodeBackupAttachments(section)).toHaveLength(1)
    expect(decodeBackupAttachments(section.subarray(0, section.length - 1))).toBeNull()

    const doctored = section.slice()
    doctored[doctored.length - 1] = 9
    const target = makeWorkspaceId()
    expect(await restoreBackupAttachments(target, doctored)).toEqual({ ok: true, restored: 0 })
    const check = await openAttachmentStore(target)
    expect(await check.totalBytes()).toBe(0)
    check.close()
  })

  it('a backup without attachments is still the first format, which older builds read', async () => {
    const entry = entryFor()
    const bytes = await makeBackup(entry, new Y.Doc(), null, 1)
    const read = await readBackup(bytes, null)
    expect(read.ok && read.header.format).toBe(1)
    expect(read.ok && read.attachments.length).toBe(0)
  })
})
