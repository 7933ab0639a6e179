import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import { MAX_CHANGES_FILE_BYTES, changesFileTooLarge, encodeChangesFile, openChangesFile } from '../../../src/sync/changes-file'

const sampleUpdate = (): Uint8Array => {
  const doc = new Y.Doc()
  doc.getMap('meta').set('name', 'Oldham food resilience lab')
  doc.getText('t').insert(0, 'Confidential notes from the site visit')
  return Y.encodeStateAsUpdate(doc)
}

describe('changes files', () => {
  const id = makeWorkspaceId()
  const secret = makeWorkspaceSecret()

  it('round-trip the update, and hide it and the workspace id from anyone without the secret', async () => {
    const update = sampleUpdate()
    const file = await encodeChangesFile(update, id, secret)
    const text = Buffer.from(file).toString('latin1')
    expect(text.startsWith('MUTUALCH')).toBe(true)
    expect(text).not.toContain('Oldham')
    expect(text).not.toContain('Confidential')
    expect(Buffer.from(file).toString('hex')).not.toContain(id)
    expect(await openChangesFile(file, id, secret)).toEqual({ ok: true, update })
    // Two exports of the same update differ (random salt and iv): files cannot be compared.
    expect(Buffer.from(await encodeChangesFile(update, id, secret)).equals(Buffer.from(file))).toBe(false)
  })

  it('say a file for another workspace is for another workspace', async () => {
    const file = await encodeChangesFile(sampleUpdate(), makeWorkspaceId(), makeWorkspaceSecret())
    expect(await openChangesFile(file, id, secret)).toEqual({ ok: false, problem: 'other-workspace' })
  })

  it('refuse a file with any byte changed, or cut short anywhere', async () => {
    const file = await encodeChangesFile(sampleUpdate(), id, secret)
    const seen = new Set<string>()
    for (let i = 0; i < file.length; i++) {
      const tampered = file.slice()
      tampered[i] = (tampered[i] as number) ^ 0x01
      const read = await openChangesFile(tampered, id, secret)
      expect(read.ok, `byte ${i}`).toBe(false)
      if (!read.ok) seen.add(read.problem)
    }
    // Magic, workspace hash and everything GCM authenticates each fail in their own way.
    expect([...seen].sort()).toEqual(['damaged', 'not-a-changes-file', 'other-workspace'])
    for (const length of [0, 5, 20, 70, file.length - 17, file.length - 1]) {
      expect((await openChangesFile(file.slice(0, length), id, secret)).ok, `length ${length}`).toBe(false)
    }
  })

  it('refuse a wrong secret, a newer format and an oversized file', async () => {
    const file = await encodeChangesFile(sampleUpdate(), id, secret)
    expect(await openChangesFile(file, id, makeWorkspaceSecret())).toEqual({ ok: false, problem: 'damaged' })
    const newer = file.slice()
    newer[8] = 2
    expect(await openChangesFile(newer, id, secret)).toEqual({ ok: false, problem: 'newer-format' })
    expect(changesFileTooLarge(MAX_CHANGES_FILE_BYTES)).toBe(false)
    expect(changesFileTooLarge(MAX_CHANGES_FILE_BYTES + 1)).toBe(true)
  })
})
