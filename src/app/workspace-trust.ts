import type * as Y from 'yjs'
import { fromBase64Url, toBase64Url } from '../domain/base64url'
import { hasWorkspaceContent } from '../crdt/workspace-doc'
import { addTrustEntry, trustMap } from '../crdt/trust/trust-root'
import type { RegistryEntry } from '../domain/registry-entry'
import type { InviteTrust } from '../domain/trust/invite-trust'
import type { EntryBody, EntryId, TrustAnchor } from '../domain/trust/membership-entry'
import { roleOfDevice } from '../domain/trust/membership-state'
import type { Removal } from '../domain/trust/removal'
import type { Role } from '../domain/trust/roles'
import type { Registry } from '../storage/registry'
import type { GateRefusal } from '../sync/trust/change-gate'
import type { TrustNotice } from '../domain/trust/trust-notice'
import { publicOf, type DeviceKeys, type DevicePublic } from '../sync/trust/device-keys'
import { profileDeviceKeys } from './profile-device-keys'
import { foundNewWorkspace, upgradeLegacyWorkspace } from '../sync/trust/founding'
import { importInviteKey, makeInviteKey } from '../sync/trust/invite-key'
import { encodeEntry } from '../sync/trust/membership-codec'
import { watchMembership, type LiveMembership } from '../sync/trust/membership-from-doc'
import type { TrustSetup } from '../sync/trust/trust-setup'
import { describeMembers, type MemberDevices } from '../sync/trust/member-devices'
import { keepFacilitationInLog } from './board-facilitation'
import { keepInRegistry } from './live-sync'
import { writeRekey, writeRemoval, type RemovalWrite } from './member-removal'

/**
 * A workspace's trust on this device (docs/trust.md): this device's keys, the membership of
 * the workspace, and the bootstrap ("Founding and migration"): the device that made the
 * workspace claims it, a device that joined through an invitation naming a role writes its
 * join once the invitation's entry has arrived, and a workspace from before trust is claimed
 * by each device that held it, as it was open to all of them.
 */
export type { MemberDevices }

export interface WorkspaceTrust {
  readonly device: DevicePublic
  readonly membership: LiveMembership
  /** What sync needs to sign and check changes. */
  readonly setup: TrustSetup
  /** This device's role now; null while it is not (yet) a member. */
  myRole(): Role | null
  /**
   * True while this device joined through an invitation and its own join is not in the log yet:
   * it waits for the entries the invitation cites. Others would refuse anything it wrote
   * meanwhile (its author not being a member), so the interface is read-only until then.
   */
  joining(): boolean
  /** The last refusal of one of this device's changes (or the last too large to send); null when none. */
  refusal(): TrustNotice | null
  dismissRefusal(): void
  /** A new invitation naming `role`, written to the membership log; its part of the link. */
  invite(role: Role): Promise<InviteTrust>
  /**
   * Gives a member a new role: a signed `set-role` entry in the membership log, which every
   * device folds the same way (it takes effect only if this device is an owner there).
   */
  setRole(memberId: string, role: Role): Promise<void>
  /**
   * Removes a member, or one device of a member (a lost laptop), and moves the workspace to a
   * new key wrapped for every remaining device (app/member-removal.ts).
   */
  remove(removal: Removal): Promise<void>
  /** Writes a re-key for the devices active now: the workspace is due one (app/follow-rekey.ts). */
  rekey(): Promise<void>
  /** True once the membership log has removed this device: it keeps what it has, and no more. */
  removed(): boolean
  /** The member list's trust part: each member's role and devices with their safety codes. */
  describeMembers(): Promise<MemberDevices[]>
  subscribe(listener: () => void): () => void
  destroy(): void
}

export interface WorkspaceTrustOptions {
  registry: Registry
  entry: RegistryEntry
  doc: Y.Doc
  memberId: string
  /** This device's keys; the browser profile's own by default. */
  keys?: () => Promise<DeviceKeys>
}

const storedAnchor = (anchor: TrustAnchor): InviteTrust['anchor'] => (anchor.kind === 'legacy' ? anchor : { kind: 'claims', ids: [...anchor.ids] })


export const openWorkspaceTrust = async (options: WorkspaceTrustOptions): Promise<WorkspaceTrust> => {
  const { registry, entry, doc, memberId } = options
  const keys = await (options.keys ?? profileDeviceKeys)()
  const device = await publicOf(keys)
  const listeners = new Set<() => void>()
  const notify = (): void => listeners.forEach((listener) => listener())
  const stops: (() => void)[] = []
  let refusal: TrustNotice | null = null
  let anchor: TrustAnchor = entry.trustAnchor ?? { kind: 'legacy' }
  const founding = { doc, workspaceId: entry.id, keys, device, memberId }

  if (entry.trustPending?.kind === 'found') {
    anchor = await foundNewWorkspace(founding)
    await keepInRegistry(registry, entry, { trustAnchor: storedAnchor(anchor), trustPending: undefined })
  }
  const membership = watchMembership(doc, entry.id, anchor)
  stops.push(() => membership.destroy())
  stops.push(membership.subscribe(notify))

  const pending = entry.trustPending
  if (pending?.kind === 'join') stops.push(joinWhenInvited(doc, entry, membership, keys, device, memberId, pending.invite, registry))
  else if (!entry.trustAnchor && pending?.kind !== 'found') {
    // Made before trust: claimed once its content is here (a device joining through an old link
    // has none yet, and finds out then whether it already belongs).
    const upgrade = (): void => void upgradeLegacyWorkspace({ ...founding, membership }).catch(() => {})
    if (hasWorkspaceContent(doc)) upgrade()
    else {
      const onUpdate = (): void => {
        if (!hasWorkspaceContent(doc)) return
        doc.off('update', onUpdate)
        queueMicrotask(upgrade)
      }
      doc.on('update', onUpdate)
      stops.push(() => doc.off('update', onUpdate))
    }
  }

  const onRefused = (reason: GateRefusal): void => {
    refusal = { kind: 'refused', reason }
    notify()
  }
  const onUnsent = (bytes: number, largest: number): void => {
    refusal = { kind: 'unsent', bytes, largest }
    notify()
  }

  /** Signs an entry by this device, citing the log as it stands, and adds it to the workspace. */
  const writeEntry = async (body: EntryBody): Promise<{ id: EntryId; bytes: Uint8Array }> => {
    await membership.settled()
    const { entry: made, bytes } = await encodeEntry(
      entry.id,
      { author: device.keyId, signingKey: keys.signing.privateKey },
      membership.view().current().heads.slice(0, 16),
      body
    )
    addTrustEntry(doc, made.id, bytes)
    return { id: made.id, bytes }
  }
  const removalWrite = async (): Promise<RemovalWrite> => {
    await membership.settled()
    const signer = { author: device.keyId, signingKey: keys.signing.privateKey }
    return { doc, workspaceId: entry.id, signer, current: membership.view().current() }
  }
  stops.push(
    keepFacilitationInLog({
      doc,
      membership,
      memberId,
      write: async ({ boardId, memberId: target }) => {
        await writeEntry({ kind: 'facilitate', boardId, memberId: target, on: true })
      }
    })
  )

  return {
    device,
    membership,
    setup: { keys, device, membership, onRefused, onUnsent },
    myRole: () => roleOfDevice(membership.view().current().state, device.keyId),
    joining: () => pending?.kind === 'join' && !membership.view().current().state.deviceMember.has(device.keyId),
    refusal: () => refusal,
    dismissRefusal() {
      refusal = null
      notify()
    },
    async invite(role) {
      const key = await makeInviteKey()
      const made = await writeEntry({ kind: 'invite', inviteKey: key.x, role })
      return { role, invite: made.id, entry: toBase64Url(made.bytes), x: key.x, d: key.d, anchor: storedAnchor(membership.view().anchor) }
    },
    async setRole(target, role) {
      await writeEntry({ kind: 'set-role', memberId: target, role })
    },
    remove: async (removal) => writeRemoval(await removalWrite(), removal),
    rekey: async () => writeRekey(await removalWrite()),
    removed: () => membership.view().current().state.removedDevices.has(device.keyId),
    describeMembers: () => describeMembers(membership.view().current().state),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      for (const stop of stops.splice(0)) stop()
      listeners.clear()
    }
  }
}

/**
 * Writes this device's join once the invitation's entry and everything it cites are in the log,
 * citing them, so every device folds the invitation before the join.
 *
 * The link carries the invitation's entry (domain/trust/invite-trust.ts): this device learns it
 * from there, so it need not wait for the entry to come from a relay or a peer, which it never
 * does if its maker went offline straight after copying the link. Without the join every change
 * this device made would be refused by the others, its author not being a member. The entry is
 * only learnt, never written into the document: a device that already holds it would take the
 * write for a rewrite of its log and refuse the change carrying it (and the join with it). It
 * comes into the document from its maker, and until it has, it is learnt again at every open
 * (the invitation stays pending), or after a reload the join would cite an entry this device
 * could no longer place, and this device would stop counting itself a member.
 */
const joinWhenInvited = (
  doc: Y.Doc,
  entry: RegistryEntry,
  membership: LiveMembership,
  keys: DeviceKeys,
  device: DevicePublic,
  memberId: string,
  invite: InviteTrust,
  registry: Registry
): (() => void) => {
  const state = { joining: false, joined: false, settled: false }
  const carried = invite.entry === undefined ? null : fromBase64Url(invite.entry)
  if (carried) void membership.learn([[invite.invite, carried]])
  const tryJoin = async (): Promise<void> => {
    const view = membership.view()
    // Behind the heads: the invitation and every entry it cites are here (headsOf leaves out
    // entries whose ancestors are missing).
    if (state.joining || !view.includes(view.current().heads, [invite.invite])) return
    state.joining = true
    if (!view.current().state.deviceMember.has(device.keyId)) {
      const inviteKey = await importInviteKey(invite)
      if (!inviteKey) return
      const { entry: joined, bytes } = await encodeEntry(
        entry.id,
        { author: device.keyId, signingKey: keys.signing.privateKey, inviteKey },
        view.current().heads.slice(0, 16),
        { kind: 'join', invite: invite.invite, inviteKey: invite.x, memberId, wrapKey: toBase64Url(device.wrapKey) }
      )
      addTrustEntry(doc, joined.id, bytes)
    }
    state.joined = true
    await settleWhenInDocument()
  }
  const settleWhenInDocument = async (): Promise<void> => {
    if (!state.joined || state.settled || !trustMap(doc).has(invite.invite)) return
    state.settled = true
    await keepInRegistry(registry, entry, { trustPending: undefined })
  }
  const stop = membership.subscribe(() => void tryJoin())
  const onTrustChange = (): void => void settleWhenInDocument()
  trustMap(doc).observe(onTrustChange)
  void membership.settled().then(tryJoin)
  return () => {
    stop()
    trustMap(doc).unobserve(onTrustChange)
  }
}
