// Refusal notices in the relay's room (docs/trust.md, "Telling the signer of a refused relay
// entry"): their bytes, their envelope, and how many a device sends.
import { afterEach, describe, expect, it } from 'vitest'
import { decodeEnvelope, encodeRefusalEnvelope, makeSenderId } from '../../../src/sync/relay/relay-envelope'
import { makeRelayRefusalNotices, MAX_NOTICES_PER_SESSION } from '../../../src/sync/relay/relay-refusal-notices'
import { RELAY_REFUSAL_BYTES, signRelayRefusal, verifyRelayRefusal, type RelayRefusal } from '../../../src/sync/trust/relay-refusal'
import type { DeviceKeyId } from '../../../src/domain/trust/membership-entry'
import { gatedDevice, type GatedDevice } from './gated-device'
import { newDevice, trustWorkspace } from './trust-workspace'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

const setUp = async () => {
  const workspace = await trustWorkspace()
  const owner = await gatedDevice(workspace.workspaceId, workspace.anchor, workspace.devices.owner!)
  cleanups.push(() => owner.destroy())
  return { workspace, owner }
}

const notice = (workspace: Awaited<ReturnType<typeof trustWorkspace>>, author: DeviceKeyId): Omit<RelayRefusal, 'refusedBy'> => ({
  reason: 'not-allowed',
  sender: makeSenderId(),
  counter: 7,
  author
})

describe('a refusal notice', () => {
  it('reads back what its signer wrote, in its own envelope, and nothing altered', async () => {
    const { workspace, owner } = await setUp()
    const about = notice(workspace, workspace.devices.viewer!.pub.keyId)
    const signed = await owner.relay.signRefusal(about)
    expect(signed.length).toBe(RELAY_REFUSAL_BYTES)
    expect(await verifyRelayRefusal(workspace.workspaceId, signed)).toEqual({ ...about, refusedBy: owner.relay.device })
    for (let i = 0; i < signed.length; i += 7) {
      const altered = signed.slice()
      altered[i] = (altered[i] as number) ^ 1
      expect(await verifyRelayRefusal(workspace.workspaceId, altered)).toBeNull()
    }
    const envelope = encodeRefusalEnvelope(makeSenderId(), 3, signed)
    const decoded = decodeEnvelope(envelope, true)
    expect(decoded.ok && decoded.envelope.kind === 'refusal' && decoded.envelope.payload).toEqual(signed)
    // A device without signed sync, like an older one, cannot read it.
    expect(decodeEnvelope(envelope).ok).toBe(false)
  })

  it('is never signed for something that names no relay entry', async () => {
    const { workspace, owner } = await setUp()
    await expect(
      signRelayRefusal(workspace.workspaceId, workspace.devices.owner!.keys.signing.privateKey, {
        ...notice(workspace, workspace.devices.viewer!.pub.keyId),
        sender: 'not hex',
        refusedBy: owner.relay.device
      })
    ).rejects.toThrow()
  })
})

describe('how many notices a device sends', () => {
  const sending = (trust: GatedDevice) => {
    const sent: Uint8Array[] = []
    const notices = makeRelayRefusalNotices({ trust: trust.relay, delayMs: [0, 0], random: () => 0, append: (bytes) => sent.push(bytes) })
    cleanups.push(() => notices.destroy())
    return { sent, notices }
  }

  it('sends one per signer per session, none for its own entries, and none once another device told', async () => {
    const { workspace, owner } = await setUp()
    const { sent, notices } = sending(owner)
    const viewer = workspace.devices.viewer!.pub.keyId
    const editor = workspace.devices.editor!.pub.keyId
    expect(notices.refused({ ...notice(workspace, viewer), reason: 'not-allowed' })).toBe(true)
    expect(notices.refused({ ...notice(workspace, viewer), reason: 'not-allowed' })).toBe(false)
    expect(notices.refused({ ...notice(workspace, owner.relay.device), reason: 'not-allowed' })).toBe(false)
    // A signature that did not check out names nobody.
    expect(notices.refused({ ...notice(workspace, editor), reason: 'bad-signature' })).toBe(false)
    await expect.poll(() => sent.length).toBe(1)
    expect((await verifyRelayRefusal(workspace.workspaceId, sent[0]))?.author).toBe(viewer)

    const told = notice(workspace, editor)
    notices.seen({ ...told, refusedBy: viewer })
    notices.refused({ ...told, reason: 'not-a-member' })
    const other = notice(workspace, (await newDevice(workspace.workspaceId)).pub.keyId)
    notices.refused({ ...other, reason: 'not-a-member' })
    await expect.poll(() => sent.length).toBe(2)
    expect((await verifyRelayRefusal(workspace.workspaceId, sent[1]))?.author).toBe(other.author)
  })

  it('sends at most MAX_NOTICES_PER_SESSION, however many signers are refused', async () => {
    const { workspace, owner } = await setUp()
    const { sent, notices } = sending(owner)
    const strangers = await Promise.all(Array.from({ length: MAX_NOTICES_PER_SESSION + 4 }, () => newDevice(workspace.workspaceId)))
    const scheduled = strangers.map((stranger) => notices.refused({ ...notice(workspace, stranger.pub.keyId), reason: 'not-a-member' }))
    expect(scheduled.filter(Boolean).length).toBe(MAX_NOTICES_PER_SESSION)
    expect(scheduled.slice(MAX_NOTICES_PER_SESSION).some(Boolean)).toBe(false)
    await expect.poll(() => sent.length).toBe(MAX_NOTICES_PER_SESSION)
  })
})
