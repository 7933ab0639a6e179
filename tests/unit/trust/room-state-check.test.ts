// A large signed state from a peer over WebRTC (a whole workspace for a device that has just
// joined) is checked in the checking worker, as the relay's are (state-check.test.ts): the room
// checks only its size budget, the worker its layout, every struct, its signature and where it
// lands, and the page applies it once. Every verdict is the one the page's own check gives.
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { admitForWholeCheck } from '../../../src/sync/room-message-admission'
import { MAX_STATE_MESSAGE_BYTES } from '../../../src/sync/peer-message-budget'
import { encodeTrustMessage } from '../../../src/sync/trust-room-message'
import { checkStateOffThread } from '../../../src/sync/untrusted-update'
import { roomTrust } from '../../../src/sync/y-webrtc-trust'
import { withChangedByte } from './changed-byte'
import { standInWorker, useNoWorker, useStandInWorker } from './in-process-worker'
import { freshDevice, signedBigState, titles, type Workspace } from './large-signed-state'
import { trustWorkspace } from './trust-workspace'

afterEach(useNoWorker)

const noReply = (): void => {}
const asRoomMessage = (signed: Uint8Array): Uint8Array => encodeTrustMessage('trust-state', signed)

/** The same signed state, as a peer's room message, to two fresh devices: one checks it on the page, the other in the stand-in worker. */
const bothWays = async (workspace: Workspace, signed: Uint8Array) => {
  const page = await freshDevice(workspace)
  const worker = await freshDevice(workspace)
  await roomTrust(page.channel, null).receive(asRoomMessage(signed), noReply)
  useStandInWorker()
  await roomTrust(worker.channel, checkStateOffThread).receive(asRoomMessage(signed), noReply)
  return { page, worker }
}

describe('a large signed state from a peer, checked in the worker', () => {
  it('is applied for an editor’s state, exactly as the page’s own check applies it', async () => {
    const workspace = await trustWorkspace()
    const { signed } = await signedBigState(workspace, 'editor', 'Depot interviews')
    const { page, worker } = await bothWays(workspace, signed)
    expect(standInWorker.requests).toBe(1)
    expect(titles(worker.doc)).toEqual(['Depot interviews'])
    expect(Y.encodeStateAsUpdate(worker.doc)).toEqual(Y.encodeStateAsUpdate(page.doc))
  })

  it('is refused whole, as on the page, when a viewer’s state holds content', async () => {
    const workspace = await trustWorkspace()
    const { signed } = await signedBigState(workspace, 'viewer', 'By the viewer')
    const { page, worker } = await bothWays(workspace, signed)
    expect(standInWorker.requests).toBe(1)
    expect(titles(page.doc)).toEqual([])
    expect(titles(worker.doc)).toEqual([])
  })

  it('is refused when one byte of the note was changed on the way', async () => {
    const workspace = await trustWorkspace()
    const { signed } = await signedBigState(workspace, 'editor', 'Depot interviews')
    const { page, worker } = await bothWays(workspace, withChangedByte(signed, signed.length - 2_000))
    expect(standInWorker.requests).toBe(1)
    expect(titles(page.doc)).toEqual([])
    expect(titles(worker.doc)).toEqual([])
  })

  it('applies nothing when the worker’s reply is not a check, the state is cut short, or the worker never starts', async () => {
    const workspace = await trustWorkspace()
    const { signed } = await signedBigState(workspace, 'editor', 'Depot interviews')
    useStandInWorker()
    standInWorker.reply = 'garbage'
    const garbled = await freshDevice(workspace)
    await roomTrust(garbled.channel, checkStateOffThread).receive(asRoomMessage(signed), noReply)
    expect(titles(garbled.doc)).toEqual([])
    standInWorker.reply = 'as-the-worker'
    const cut = await freshDevice(workspace)
    await roomTrust(cut.channel, checkStateOffThread).receive(asRoomMessage(signed.subarray(0, signed.length - 100_000)), noReply)
    expect(titles(cut.doc)).toEqual([])
    // The room took it on trusting the worker to check it: unchecked, it is not applied on the page either.
    globalThis.Worker = class {
      constructor() {
        throw new Error('The checker’s script could not be fetched')
      }
    } as unknown as typeof Worker
    const unchecked = await freshDevice(workspace)
    await roomTrust(unchecked.channel, checkStateOffThread).receive(asRoomMessage(signed), noReply)
    expect(titles(unchecked.doc)).toEqual([])
  })

  it('is the only message the room lets through on its size alone, and only up to a state’s budget', async () => {
    const workspace = await trustWorkspace()
    const { signed } = await signedBigState(workspace, 'editor', 'Depot interviews')
    const device = await freshDevice(workspace)
    const trust = roomTrust(device.channel, checkStateOffThread)
    expect(trust.checksWhole(asRoomMessage(signed))).toBe(true)
    expect(trust.checksWhole(encodeTrustMessage('trust-change', signed))).toBe(false)
    expect(trust.checksWhole(asRoomMessage(signed.subarray(0, 1_000)))).toBe(false)
    // Without a worker, the room checks it whole itself, as before.
    expect(roomTrust(device.channel, null).checksWhole(asRoomMessage(signed))).toBe(false)
    expect(admitForWholeCheck(asRoomMessage(signed), 'trust-state')).toEqual({ ok: true, kind: 'trust-state' })
    const tooLarge = asRoomMessage(new Uint8Array(MAX_STATE_MESSAGE_BYTES))
    expect(admitForWholeCheck(tooLarge, 'trust-state').ok).toBe(false)
  })
})
