// An unsigned change from a WebRTC peer (a device on a Mutual from before signed changes, or
// anyone else holding the workspace's key) is dropped, and the person hears of it in the Sync
// status as of any other change the trust check refused (refused-incoming-record.ts).
import { afterEach, describe, expect, it } from 'vitest'
import { roomTrust } from '../../../src/sync/y-webrtc-trust'
import { hardenedPeer, syncMessage } from '../sync/hardened-peer'
import { gatedDevice } from './gated-device'
import { trustWorkspace } from './trust-workspace'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('an unsigned change from a peer', () => {
  it('is dropped before y-webrtc sees it, and counted for the Sync status with no author', async () => {
    const workspace = await trustWorkspace()
    const receiving = await gatedDevice(workspace.workspaceId, workspace.anchor, workspace.devices.owner!, workspace.receiver)
    cleanups.push(() => receiving.destroy())
    const peer = hardenedPeer(roomTrust(receiving.channel, null))
    cleanups.push(peer.stop)
    // What an old Mutual sends: its state as y-webrtc's sync step 2, then each edit as an update.
    peer.receive(syncMessage(1, 100))
    peer.receive(syncMessage(2, 10))
    await expect.poll(() => peer.rejected.length).toBe(2)
    expect(peer.reachedYWebrtc).toEqual([])
    expect(peer.rejected.map((r) => r.reason)).toEqual(['a change that is not signed', 'a change that is not signed'])
    // Before, only the console heard of them.
    expect(receiving.incoming).toEqual([
      { reason: 'unsigned', author: null },
      { reason: 'unsigned', author: null }
    ])
  })
})
