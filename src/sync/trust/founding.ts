import type * as Y from 'yjs'
import { addTrustEntry } from '../../crdt/trust/trust-root'
import type { WorkspaceId } from '../../domain/ids'
import type { EntryId, TrustAnchor } from '../../domain/trust/membership-entry'
import { toBase64Url } from '../../domain/base64url'
import type { DeviceKeys, DevicePublic } from './device-keys'
import { encodeEntry } from './membership-codec'
import type { LiveMembership } from './membership-from-doc'

export interface FoundingOptions {
  doc: Y.Doc
  workspaceId: WorkspaceId
  keys: DeviceKeys
  device: DevicePublic
  memberId: string
  membership: LiveMembership
}

/**
 * A new workspace: its creator's claim, and the anchor that names it (kept with the workspace
 * on this device and carried in every invitation).
 */
export const foundNewWorkspace = async (options: Omit<FoundingOptions, 'membership'>): Promise<TrustAnchor> => {
  const id = await writeClaim(options)
  return { kind: 'claims', ids: [id] }
}

/**
 * A workspace this device held before trust existed (docs/trust.md, "Founding and migration"):
 * it claims ownership once, unless it is already in the log. Everyone who held it could change
 * everything before, so each such device keeps that; owners then set roles and remove.
 */
export const upgradeLegacyWorkspace = async (options: FoundingOptions): Promise<TrustAnchor> => {
  await options.membership.settled()
  const { state } = options.membership.view().current()
  if (!state.deviceMember.has(options.device.keyId)) await writeClaim(options)
  return { kind: 'legacy' }
}

const writeClaim = async (options: Omit<FoundingOptions, 'membership'>): Promise<EntryId> => {
  const { entry, bytes } = await encodeEntry(
    options.workspaceId,
    { author: options.device.keyId, signingKey: options.keys.signing.privateKey },
    [],
    { kind: 'claim', memberId: options.memberId, wrapKey: toBase64Url(options.device.wrapKey) }
  )
  addTrustEntry(options.doc, entry.id, bytes)
  return entry.id
}
