import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import { makeBackup, readBackup } from '../../../src/storage/backup'
import { DAMAGED_WORKSPACE_FILE, frameWorkspaceFile } from '../../../src/storage/workspace-file'
import { makeFileUpdateCheck } from '../../../src/sync/workspace-file-check'
import type { CheckedWorkspaceUpdate } from '../../../src/sync/untrusted-update'
import { applyToScratch } from '../../../src/crdt/update-facts'
import { addTrustEntry } from '../../../src/crdt/trust/trust-root'
import { fileHasMembers } from '../../../src/storage/open-as-copy'
import { newWorkspace } from '../fixtures/workspace'

/**
 * Workspace files and backups are checked as changes files are (issue #9): the update goes to
 * the checker (in the app, a Web Worker with a time limit) before anything uses it, and what is
 * used afterwards is the checker's re-encoding, never the file's own bytes.
 */
const entryFor = (doc: Y.Doc) => ({
  id: makeWorkspaceId(),
  secret: makeWorkspaceSecret(),
  name: 'Resilience lab',
  createdAt: 1,
  lastOpenedAt: 1,
  lastEditedAt: 1,
  doc
})

/** A checker as the worker answers (apply-update.worker.ts), doing its work on this thread: Node has no Web Worker. */
const reEncoding = async (update: Uint8Array): Promise<CheckedWorkspaceUpdate> => ({ ok: true, ...applyToScratch(update) })
const stopped = async (): Promise<CheckedWorkspaceUpdate> => ({ ok: false, problem: 'too-slow' })

describe('reading a backup with a checker', () => {
  it('hands the update to the checker and uses what the checker gives back, for plain and protected backups', async () => {
    const doc = newWorkspace()
    const { doc: _, ...entry } = entryFor(doc)
    const seen: Uint8Array[] = []
    const check = makeFileUpdateCheck(DAMAGED_WORKSPACE_FILE, async (update) => {
      seen.push(update)
      return reEncoding(update)
    })
    for (const passphrase of [null, 'kettle on the hob']) {
      const read = await readBackup(await makeBackup(entry, doc, passphrase), passphrase, check)
      expect(read.ok).toBe(true)
      if (!read.ok) return
      expect(read.update).toEqual(Y.encodeStateAsUpdate(doc))
    }
    expect(seen).toHaveLength(2)
  })

  it('refuses a file its checker stopped, with the message a person sees', async () => {
    const doc = newWorkspace()
    const { doc: _, ...entry } = entryFor(doc)
    const read = await readBackup(await makeBackup(entry, doc, null), null, makeFileUpdateCheck(DAMAGED_WORKSPACE_FILE, stopped))
    expect(read).toEqual({
      ok: false,
      message: 'Reading this file took too long, so it was stopped: it may have been made to harm the app. Nothing was changed.'
    })
  })

  it('says a file whose update is damaged is damaged, and never checks a file with a damaged header', async () => {
    const header = { format: 1 as const, workspaceId: makeWorkspaceId(), secret: makeWorkspaceSecret(), name: 'x', exportedAt: 1 }
    const damaged = frameWorkspaceFile(header, new Uint8Array([0xff, 0xff, 0xff, 0x01]))
    const check = makeFileUpdateCheck(DAMAGED_WORKSPACE_FILE, async () => ({ ok: false, problem: 'unreadable' }))
    expect(await readBackup(damaged, null, check)).toEqual({ ok: false, message: DAMAGED_WORKSPACE_FILE })
    let checked = 0
    const counting = makeFileUpdateCheck(DAMAGED_WORKSPACE_FILE, async (update) => {
      checked++
      return reEncoding(update)
    })
    const cut = damaged.slice(0, 20)
    expect((await readBackup(cut, null, counting)).ok).toBe(false)
    expect(checked).toBe(0)
  })

  it('says whether the file carries membership entries from the check that read it, and the import goes by that answer', async () => {
    const withMembers = newWorkspace()
    addTrustEntry(withMembers, 'entry-1', new Uint8Array([1, 2, 3]))
    for (const [doc, members] of [[newWorkspace(), false], [withMembers, true]] as const) {
      const { doc: _, ...entry } = entryFor(doc)
      const backup = await makeBackup(entry, doc, null)
      const read = await readBackup(backup, null, makeFileUpdateCheck(DAMAGED_WORKSPACE_FILE, reEncoding))
      if (!read.ok) throw new Error(read.message)
      expect(read.facts?.members).toBe(members)
      expect(fileHasMembers(read)).toBe(members)
      // The checker's answer is the one used: the update is not read again on the page.
      const contrary = makeFileUpdateCheck(DAMAGED_WORKSPACE_FILE, async (update) => {
        const checked = applyToScratch(update)
        return { ok: true, update: checked.update, facts: { ...checked.facts, members: !members } }
      })
      const told = await readBackup(backup, null, contrary)
      if (!told.ok) throw new Error(told.message)
      expect(fileHasMembers(told)).toBe(!members)
    }
  })
})
