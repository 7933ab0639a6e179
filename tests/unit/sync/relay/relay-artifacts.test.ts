import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { relayArtifactHolds, relayStoredArtifacts } from '../../../../src/app/relay-artifact-holds'
import { makeArtifactId, makeWorkspaceSecret, type ArtifactId } from '../../../../src/domain/ids'
import { makeArtifactDocuments, type ArtifactDocuments } from '../../../../src/storage/artifact-documents'
import { makeDocumentSet, type DocumentSet } from '../../../../src/sync/document-set'
import type { RelayArtifactsOptions } from '../../../../src/sync/relay/relay-artifacts'
import { relayDocumentTrust, relayTrustOf } from '../../../../src/sync/relay/relay-trust'
import { makeTrustChannel } from '../../../../src/sync/trust/trust-channel'
import { gatedDevice, type GatedDevice } from '../../trust/gated-device'
import { trustWorkspace, type Device } from '../../trust/trust-workspace'
import { startDevice, startPgliteRelay, usePgliteCluster, type TestDevice, type TestRelay } from './support/relay-devices'

/**
 * The relay carries artifact documents (docs/artifact-documents.md, "Wire"): over the real relay
 * (PGlite), devices with signed sync exchange an artifact document's changes in entries with
 * its docKey, signed for that document; a device without the document open stores what
 * arrives for it; what is not signed for the document changes nothing.
 */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })
const cluster = usePgliteCluster()
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const text = (doc: Y.Doc): string => doc.getText('body').toString()
const write = (doc: Y.Doc, line: string): void => doc.getText('body').insert(doc.getText('body').length, line)

type Workspace = Awaited<ReturnType<typeof trustWorkspace>>

interface Member {
  device: TestDevice
  gated: GatedDevice
  documents: DocumentSet
}

const start = async (): Promise<{ relay: TestRelay; workspace: Workspace; secret: ReturnType<typeof makeWorkspaceSecret> }> => {
  const relay = await startPgliteRelay({}, cluster())
  cleanups.push(() => relay.close())
  return { relay, workspace: await trustWorkspace(['editor', 'editor']), secret: makeWorkspaceSecret() }
}

/** A member's device on the relay with signed sync, its artifact documents as the app's sync core gives them. */
const member = async (
  setting: { relay: TestRelay; workspace: Workspace; secret: ReturnType<typeof makeWorkspaceSecret> },
  who: Device,
  artifacts: Partial<RelayArtifactsOptions> = {},
  timing: Parameters<typeof startDevice>[0]['timing'] = {}
): Promise<Member> => {
  const gated = await gatedDevice(setting.workspace.workspaceId, setting.workspace.anchor, who)
  const documents = makeDocumentSet(who.doc)
  const device = startDevice({
    url: setting.relay.url,
    secret: setting.secret,
    doc: who.doc,
    trust: gated.relay,
    timing,
    artifacts: { documents, trustFor: relayDocumentTrust(gated.setup, setting.workspace.workspaceId), ...artifacts }
  })
  cleanups.push(() => gated.destroy())
  cleanups.push(() => device.destroy())
  return { device, gated, documents }
}

/** This device's stored copy of an artifact's document, read through storage as the editor will. */
const storedText = async (documents: ArtifactDocuments, key: ArtifactId): Promise<string> => {
  const held = documents.hold(key)
  await held.persistence.settled
  const read = text(held.doc)
  held.release()
  return read
}

/** A relay and the owner's device on it, with a note's document attached, caught up. */
const ownerWithNote = async () => {
  const setting = await start()
  const note = makeArtifactId()
  const owner = await member(setting, setting.workspace.devices.owner as Device)
  const ownerNote = new Y.Doc({ gc: false })
  owner.documents.attach(note, ownerNote)
  await expect.poll(() => owner.device.transport.status().state, { timeout: 10_000 }).toBe('synced')
  return { setting, note, owner, ownerNote }
}

describe('the relay carries artifact documents', () => {
  it('brings a change of an attached artifact document to another device that has it attached, both ways', async () => {
    const setting = await start()
    const note = makeArtifactId()
    const owner = await member(setting, setting.workspace.devices.owner as Device)
    const editor = await member(setting, setting.workspace.devices.editor as Device)
    const ownerNote = new Y.Doc({ gc: false })
    const editorNote = new Y.Doc({ gc: false })
    owner.documents.attach(note, ownerNote)
    editor.documents.attach(note, editorNote)
    await expect.poll(() => owner.device.transport.status().state, { timeout: 10_000 }).toBe('synced')
    await expect.poll(() => editor.device.transport.status().state, { timeout: 10_000 }).toBe('synced')

    write(ownerNote, 'Site visit to the food hub. ')
    await expect.poll(() => text(editorNote), { timeout: 10_000 }).toBe('Site visit to the food hub. ')
    write(editorNote, 'Follow up in March.')
    await expect.poll(() => text(ownerNote), { timeout: 10_000 }).toBe('Site visit to the food hub. Follow up in March.')
    // The workspace documents carry none of it.
    expect(text(setting.workspace.devices.editor!.doc)).toBe('')
  })

  it('stores an entry for a document this device does not have open, so it is there when the document is opened later', async () => {
    const { setting, note, ownerNote } = await ownerWithNote()
    write(ownerNote, 'Written while the editor was away.')

    const stored = makeArtifactDocuments(setting.workspace.workspaceId, { lingerMs: 0 })
    cleanups.push(() => stored.destroy())
    const editor = await member(setting, setting.workspace.devices.editor as Device, { hold: relayArtifactHolds(stored) })
    await expect.poll(() => editor.device.stored?.relays[0]?.after ?? 0, { timeout: 10_000 }).toBeGreaterThan(0)
    await expect.poll(() => storedText(stored, note), { timeout: 10_000 }).toBe('Written while the editor was away.')
    await editor.device.destroy()
    await stored.destroy()

    // Read again from this device's database alone: the entry was kept, not only applied in memory.
    const reopened = makeArtifactDocuments(setting.workspace.workspaceId, { lingerMs: 0 })
    cleanups.push(() => reopened.destroy())
    expect(await storedText(reopened, note)).toBe('Written while the editor was away.')
  })

  it('refuses an artifact entry not signed for its document, or not signed at all, and counts it, changing nothing', async () => {
    const setting = await start()
    const note = makeArtifactId()
    const { workspaceId } = setting.workspace
    const receiver = await member(setting, setting.workspace.devices.owner as Device)
    const receiverNote = new Y.Doc({ gc: false })
    receiver.documents.attach(note, receiverNote)

    // A member's device that signs the note's change as one of the workspace document's: moved to the note, it must not check.
    const editor = setting.workspace.devices.editor as Device
    const moved = await member(setting, editor, {
      trustFor: (_key, doc) => {
        const channel = makeTrustChannel({ ...movedSetup(), doc, workspaceId, apply: (update, origin) => Y.applyUpdate(doc, update, origin) })
        return { trust: relayTrustOf(channel, movedSetup(), workspaceId), destroy: () => channel.destroy() }
      }
    })
    const movedSetup = () => moved.gated.setup
    const movedNote = new Y.Doc({ gc: false })
    // A device with the room's key and no signing at all.
    const unsignedRoot = new Y.Doc({ gc: false })
    const unsignedDocuments = makeDocumentSet(unsignedRoot)
    const unsigned = startDevice({ url: setting.relay.url, secret: setting.secret, doc: unsignedRoot, artifacts: { documents: unsignedDocuments } })
    cleanups.push(() => unsigned.destroy())
    const unsignedNote = new Y.Doc({ gc: false })
    await expect.poll(() => moved.device.transport.status().state, { timeout: 10_000 }).toBe('synced')
    moved.documents.attach(note, movedNote)
    write(movedNote, 'Moved from another document. ')
    await expect.poll(() => unsigned.transport.status().state, { timeout: 10_000 }).not.toBe('connecting')
    unsignedDocuments.attach(note, unsignedNote)
    write(unsignedNote, 'Not signed. ')

    // An honest change after both: once it is here, the two before it have been judged.
    const honest = await member(setting, setting.workspace.devices['editor-1'] as Device)
    const honestNote = new Y.Doc({ gc: false })
    honest.documents.attach(note, honestNote)
    await expect.poll(() => honest.device.transport.status().state, { timeout: 10_000 }).toBe('synced')
    write(honestNote, 'Signed for the note.')
    await expect.poll(() => text(receiverNote), { timeout: 10_000 }).toBe('Signed for the note.')
    const reasons = receiver.gated.incoming.map((refusal) => refusal.reason)
    expect(reasons).toContain('unsigned')
    expect(reasons.filter((reason) => reason !== 'unsigned').length).toBeGreaterThan(0)
  })

  it('carries every artifact document past a compaction, so a new device still gets their content', async () => {
    const setting = await start()
    const [note, board] = [makeArtifactId(), makeArtifactId()]
    // The owner's device has the note open; the board is only in its storage.
    const stored = makeArtifactDocuments(setting.workspace.workspaceId, { lingerMs: 0 })
    cleanups.push(() => stored.destroy())
    const boardHeld = stored.hold(board)
    await boardHeld.persistence.settled
    write(boardHeld.doc, 'Board written before the relay was set.')
    await boardHeld.persistence.whenStored()
    boardHeld.release()
    const owner = await member(
      setting,
      setting.workspace.devices.owner as Device,
      { hold: relayArtifactHolds(stored), stored: relayStoredArtifacts(stored) },
      { compactMinBytes: 2048, compactDelayMs: [0, 5] }
    )
    const ownerNote = new Y.Doc({ gc: false })
    owner.documents.attach(note, ownerNote)
    await expect.poll(() => owner.device.transport.status().state, { timeout: 10_000 }).toBe('synced')
    write(ownerNote, 'A note written before the compaction.')
    const root = setting.workspace.devices.owner!.doc
    for (let i = 0; i < 30; i++) {
      root.getText('t').insert(0, `paragraph ${i} ${'x'.repeat(100)}\n`)
      await expect.poll(() => owner.device.transport.status().state, { timeout: 10_000 }).toBe('synced')
    }
    const snapshotCovers = async (): Promise<number> =>
      Number((await setting.relay.db.query<{ c: number }>(`SELECT snapshot_covers AS c FROM "${setting.relay.schema}".relay_rooms`)).rows[0]?.c ?? 0)
    await expect.poll(snapshotCovers, { timeout: 20_000 }).toBeGreaterThan(0)

    // A new device of a member, never connected before: it starts from the snapshot.
    const editor = await member(setting, setting.workspace.devices.editor as Device)
    const [editorNote, editorBoard] = [new Y.Doc({ gc: false }), new Y.Doc({ gc: false })]
    editor.documents.attach(note, editorNote)
    editor.documents.attach(board, editorBoard)
    await expect.poll(() => text(editorNote), { timeout: 10_000 }).toBe('A note written before the compaction.')
    await expect.poll(() => text(editorBoard), { timeout: 10_000 }).toBe('Board written before the relay was set.')
    expect(setting.workspace.devices.editor!.doc.getText('t').toString()).toBe(root.getText('t').toString())
  })

  it('uploads an attached artifact document’s changes made while the relay was away, once it is back', async () => {
    const { setting, note, owner, ownerNote } = await ownerWithNote()
    await setting.relay.stop()
    await expect.poll(() => owner.device.transport.status().state, { timeout: 10_000 }).not.toBe('synced')
    write(ownerNote, 'Written on the train.')
    await setting.relay.restart()
    await expect.poll(() => owner.device.transport.status().state, { timeout: 10_000 }).toBe('synced')

    const editor = await member(setting, setting.workspace.devices.editor as Device)
    const editorNote = new Y.Doc({ gc: false })
    editor.documents.attach(note, editorNote)
    await expect.poll(() => text(editorNote), { timeout: 10_000 }).toBe('Written on the train.')
  })
})
