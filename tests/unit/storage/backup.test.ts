import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import type { RegistryEntry } from '../../../src/domain/registry-entry'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { initialiseWorkspace } from '../../../src/crdt/workspace-meta'
import { createArtifact } from '../../../src/crdt/artifacts'
import { makeBackup, readBackup } from '../../../src/storage/backup'
import { sealWithPassphrase } from '../../../src/storage/passphrase-envelope'
import { encodeWorkspaceFile } from '../../../src/storage/workspace-file'

const actor = { name: 'Ann', organisation: 'Oldham Council' }

const setUp = () => {
  const id = makeWorkspaceId()
  const doc = makeWorkspaceDoc(id)
  initialiseWorkspace(doc, { name: 'Lab', description: 'd', leadCouncil: 'Oldham Council', partnerCouncils: [], startDate: '' }, actor, 1)
  createArtifact(doc, { kind: 'note', title: 'Site visit' }, actor, 2)
  const entry: RegistryEntry = { id, secret: makeWorkspaceSecret(), name: 'Lab', createdAt: 1, lastOpenedAt: 1, lastEditedAt: 2 }
  return { doc, entry }
}

const restoredState = (update: Uint8Array, id: string): Uint8Array => {
  const copy = new Y.Doc({ guid: id, gc: false })
  Y.applyUpdate(copy, update)
  return Y.encodeStateAsUpdate(copy)
}

describe('backups', () => {
  it('round-trips a plain backup to identical content', async () => {
    const { doc, entry } = setUp()
    const read = await readBackup(await makeBackup(entry, doc, null), null)
    if (!read.ok) throw new Error(read.message)
    expect(read.header).toMatchObject({ workspaceId: entry.id, secret: entry.secret, name: 'Lab' })
    expect(restoredState(read.update, entry.id)).toEqual(Y.encodeStateAsUpdate(doc))
  })

  it('round-trips a passphrase-protected backup and refuses the wrong passphrase', async () => {
    const { doc, entry } = setUp()
    const sealed = await makeBackup(entry, doc, 'correct horse battery staple')
    expect(await readBackup(sealed, null)).toMatchObject({ ok: false, needsPassphrase: true })
    expect(await readBackup(sealed, 'wrong passphrase')).toEqual({ ok: false, message: 'The passphrase is wrong, or the backup file is damaged.' })
    const read = await readBackup(sealed, 'correct horse battery staple')
    if (!read.ok) throw new Error(read.message)
    expect(restoredState(read.update, entry.id)).toEqual(Y.encodeStateAsUpdate(doc))
  })

  it('rejects truncated, tampered and foreign files with a clear message', async () => {
    const { doc, entry } = setUp()
    const header = { format: 1 as const, workspaceId: entry.id, secret: entry.secret, name: 'Lab', exportedAt: 3 }
    const plain = encodeWorkspaceFile(header, doc)
    const sealed = await sealWithPassphrase(plain, 'pass', 1_000)
    const tampered = sealed.slice()
    tampered[tampered.length - 5] = (tampered[tampered.length - 5] ?? 0) ^ 0xff
    expect(await readBackup(sealed.slice(0, sealed.length - 40), 'pass')).toMatchObject({ ok: false })
    expect(await readBackup(tampered, 'pass')).toMatchObject({ ok: false, message: expect.stringContaining('damaged') })
    expect(await readBackup(plain.slice(0, plain.length - 3), null)).toMatchObject({ ok: false })
    expect(await readBackup(new TextEncoder().encode('PK\u0003\u0004 a zip file'), null)).toEqual({ ok: false, message: 'This is not a Mutual workspace file.' })
  })
})
