import { describe, expect, it } from 'vitest'
import { fromBase64Url, toBase64Url } from '../../../src/domain/base64url'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import { remainingDevices } from '../../../src/domain/trust/removal'
import { unwrapSecret, wrapSecretFor } from '../../../src/sync/trust/rekey'
import { trustWorkspace } from './trust-workspace'

describe('removing a member with a re-key', () => {
  it('gives the new key to every remaining device and not to the removed one', async () => {
    const { devices, membership, workspaceId } = await trustWorkspace(['editor', 'viewer'])
    const { state } = membership.view().current()
    const staying = remainingDevices(state, { memberId: 'viewer' })
    expect(staying.map((d) => d.keyId).sort()).toEqual([devices.owner!.pub.keyId, devices.editor!.pub.keyId].sort())
    const secret = makeWorkspaceSecret()
    const wrapped = await wrapSecretFor(workspaceId, secret, staying)
    for (const who of ['owner', 'editor']) {
      expect(await unwrapSecret(workspaceId, wrapped, devices[who]!.pub.keyId, devices[who]!.keys)).toBe(secret)
    }
    const removed = devices.viewer!
    expect(await unwrapSecret(workspaceId, wrapped, removed.pub.keyId, removed.keys)).toBeNull()
    // Nor can the removed device open a remaining device's copy, or one meant for another workspace.
    expect(await unwrapSecret(workspaceId, { [removed.pub.keyId]: wrapped[devices.editor!.pub.keyId]! }, removed.pub.keyId, removed.keys)).toBeNull()
    expect(await unwrapSecret(makeWorkspaceId(), wrapped, devices.editor!.pub.keyId, devices.editor!.keys)).toBeNull()
  })

  it('refuses a wrapped key that was altered', async () => {
    const { devices, workspaceId } = await trustWorkspace(['editor'])
    const editor = devices.editor!
    const wrapped = await wrapSecretFor(workspaceId, makeWorkspaceSecret(), [{ keyId: editor.pub.keyId, wrapKey: toBase64Url(editor.pub.wrapKey) }])
    const bytes = fromBase64Url(wrapped[editor.pub.keyId]!)!
    // One bit of each part in turn: the ephemeral key, the IV, the ciphertext and its tag. (The
    // text's own characters would not do: one replaced by itself, or a last character's unused
    // bits, changes nothing, one run in sixty-four.)
    for (const at of [0, 40, 50, bytes.length - 1]) {
      const altered = Uint8Array.from(bytes)
      altered[at]! ^= 0x01
      expect(await unwrapSecret(workspaceId, { [editor.pub.keyId]: toBase64Url(altered) }, editor.pub.keyId, editor.keys)).toBeNull()
    }
    expect(await unwrapSecret(workspaceId, { [editor.pub.keyId]: toBase64Url(bytes) }, editor.pub.keyId, editor.keys)).not.toBeNull()
  })

  it('keeps a lost device’s owner and their other devices', async () => {
    const { devices, membership } = await trustWorkspace(['editor'])
    const { state } = membership.view().current()
    expect(remainingDevices(state, { memberId: 'editor', device: devices.editor!.pub.keyId }).map((d) => d.keyId)).toEqual([devices.owner!.pub.keyId])
  })
})
