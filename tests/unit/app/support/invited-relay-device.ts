import * as Y from 'yjs'
import { openWorkspaceTrust, type WorkspaceTrust } from '../../../../src/app/workspace-trust'
import { RELAY } from '../../../../src/crdt/origins'
import { makeWorkspaceDoc } from '../../../../src/crdt/workspace-doc'
import type { RegistryEntry } from '../../../../src/domain/registry-entry'
import type { InviteTrust } from '../../../../src/domain/trust/invite-trust'
import { makeMemoryRegistry } from '../../../../src/storage/registry'
import { relayTrustOf } from '../../../../src/sync/relay/relay-trust'
import { makeDeviceKeys } from '../../../../src/sync/trust/device-keys'
import { makeTrustChannel } from '../../../../src/sync/trust/trust-channel'
import { startDevice, type TestDevice } from '../../sync/relay/support/relay-devices'

export interface InvitedRelayDevice {
  device: TestDevice
  trust: WorkspaceTrust
  /** Closes its relay connection; its document and trust stay, as on a closed laptop. */
  goOffline(): Promise<void>
  /** Connects to the relay again, from where it was. */
  comeBack(): void
  destroy(): Promise<void>
}

/**
 * Another member's device on the relay, without storage, that is a real signed member of the
 * workspace: it holds its own keys, writes its join through `invite` the way the app does when
 * it opens a workspace it joined (openWorkspaceTrust with a pending join, registered as
 * JoinPage registers it), and signs and checks what it exchanges with the relay behind the trust
 * gate the app's relay has (sync/workspace-sync.ts). With signed sync nothing unsigned is applied.
 */
export const startInvitedRelayDevice = (options: {
  url: string
  workspace: Pick<RegistryEntry, 'id' | 'secret'>
  invite: InviteTrust
  memberId: string
}): Promise<InvitedRelayDevice> =>
  startMemberRelayDevice({ ...options, pending: { kind: 'join', invite: options.invite }, anchor: options.invite.anchor })

/**
 * A member's device on the relay as above, in whatever way it became one: `pending` as the app
 * registers it (`found` for the device that makes the workspace). `doc` and `keys` carry one
 * device over a restart of its relay connection.
 */
export const startMemberRelayDevice = async (options: {
  url: string
  workspace: Pick<RegistryEntry, 'id' | 'secret'>
  pending: RegistryEntry['trustPending']
  anchor?: InviteTrust['anchor']
  memberId: string
}): Promise<InvitedRelayDevice> => {
  const { url, workspace, memberId } = options
  const registry = makeMemoryRegistry()
  const now = Date.now()
  const entry: RegistryEntry = {
    id: workspace.id,
    secret: workspace.secret,
    name: '',
    createdAt: now,
    lastOpenedAt: now,
    lastEditedAt: now,
    ...(options.anchor ? { trustAnchor: options.anchor } : {}),
    ...(options.pending ? { trustPending: options.pending } : {})
  }
  await registry.put(entry)
  const doc = makeWorkspaceDoc(workspace.id)
  const keys = await makeDeviceKeys()
  const trust = await openWorkspaceTrust({ registry, entry, doc, memberId, keys: async () => keys })
  const channel = makeTrustChannel({
    ...trust.setup,
    doc,
    workspaceId: workspace.id,
    origin: RELAY,
    apply: (update, origin) => Y.applyUpdate(doc, update, origin)
  })
  const relayTrust = relayTrustOf(channel, trust.setup, workspace.id)
  const device = startDevice({ url, secret: workspace.secret, doc, trust: relayTrust })
  const member: InvitedRelayDevice = {
    device,
    trust,
    async goOffline() {
      await member.device.destroy()
    },
    comeBack() {
      member.device = startDevice({ url, secret: workspace.secret, doc, stored: member.device.stored, trust: relayTrust })
    },
    async destroy() {
      await member.device.destroy()
      channel.destroy()
      trust.destroy()
    }
  }
  return member
}
