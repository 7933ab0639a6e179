/**
 * Issue 9's (#13) re-key benchmark: "time to re-key a 12-member workspace until every online
 * device can write again". Node level, nothing mocked: 12 devices, each a Y.Doc with the app's
 * own pieces as a page composes them (app/workspace-trust.ts for keys and membership,
 * app/follow-rekey.ts), and the relay half of the sync core with its trust channel
 * (support/relay-only-sync.ts: y-webrtc allows one device per workspace in a process), over the
 * real relay on PGlite in this process, on loopback, at the app's relay timings.
 * The owner invites 11 editors, who join through the relay; all stay online. The clock starts
 * as the owner removes one of them (app/member-removal.ts: the `remove` and a `rekey` wrapped for
 * the 11 remaining devices), and stops once every remaining device has moved to the new key,
 * written a note there, and holds every other remaining device's note (each passed the others'
 * change gates). Per-step marks, in ms from the start: the removal written, every device heard
 * of it, moved, wrote, and every note everywhere; per device, the median and the slowest.
 * No floor is set by the issue: the figures are printed beside the relay's own batching delay
 * and reconcile interval, which bound how fast a change can travel. The removed device, still
 * online in the old room, must hold none of the new notes. A step that does not finish within
 * 5 minutes stops the bench with what each device had reached.
 */
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { followRekeys } from '../../src/app/follow-rekey'
import { openWorkspaceTrust, type WorkspaceTrust } from '../../src/app/workspace-trust'
import { createArtifact, readArtifactSummaries } from '../../src/crdt/artifacts'
import { makeWorkspaceDoc } from '../../src/crdt/workspace-doc'
import { initialiseWorkspace } from '../../src/crdt/workspace-meta'
import { makeWorkspaceId, makeWorkspaceSecret, type WorkspaceId } from '../../src/domain/ids'
import type { RegistryEntry } from '../../src/domain/registry-entry'
import type { InviteTrust } from '../../src/domain/trust/invite-trust'
import { makeMemoryRegistry, type Registry } from '../../src/storage/registry'
import { DEFAULT_RELAY_TIMING } from '../../src/sync/relay/relay-timing'
import { makeDeviceKeys } from '../../src/sync/trust/device-keys'
import type { WorkspaceSync } from '../../src/sync/workspace-sync'
import { startPgliteRelay, type TestRelay } from '../unit/sync/relay/support/relay-devices'
import { startRelayOnlySync, type RekeyingSync } from './support/relay-only-sync'
import { reportFigures, summarise } from './support/report'

const MEMBERS = Number(process.env.MUTUAL_BENCH_REKEY_MEMBERS ?? 12)
const GIVE_UP_MS = 5 * 60_000
/** How often the bench looks at the devices: the marks are this coarse. */
const LOOK_EVERY_MS = 10

interface BenchDevice {
  memberId: string
  doc: Y.Doc
  registry: Registry
  entry: RegistryEntry
  trust: WorkspaceTrust
  sync: RekeyingSync
  stop(): Promise<void>
}

const hexId = (n: number): string => n.toString(16).padStart(32, '0')

const openDevice = async (relay: TestRelay, base: RegistryEntry, index: number, doc: Y.Doc, pending: RegistryEntry['trustPending'], anchor?: InviteTrust['anchor']): Promise<BenchDevice> => {
  const memberId = hexId(index + 1)
  const registry = makeMemoryRegistry()
  const entry: RegistryEntry = { ...base, ...(anchor ? { trustAnchor: anchor } : {}), ...(pending ? { trustPending: pending } : {}) }
  await registry.put(entry)
  const trust = await openWorkspaceTrust({ registry, entry, doc, memberId, keys: makeDeviceKeys })
  const sync = startRelayOnlySync({ url: relay.url, doc, workspaceId: entry.id, secret: entry.secret, trust: trust.setup })
  // followRekeys uses only what RekeyingSync has of WorkspaceSync.
  const stopFollowing = followRekeys({ registry, entry, trust, sync: Promise.resolve(sync as WorkspaceSync) })
  return {
    memberId,
    doc,
    registry,
    entry,
    trust,
    sync,
    async stop() {
      stopFollowing()
      await sync.destroy()
      trust.destroy()
    }
  }
}

/** Looks until `done` holds, or gives up saying what `progress` reports. */
const until = async (what: string, done: () => Promise<boolean> | boolean, progress: () => Promise<string> | string): Promise<void> => {
  const deadline = performance.now() + GIVE_UP_MS
  while (!(await done())) {
    if (performance.now() > deadline) throw new Error(`Gave up waiting for ${what} after ${GIVE_UP_MS / 1000} s: ${await progress()}`)
    await new Promise((resolve) => setTimeout(resolve, LOOK_EVERY_MS))
  }
}

const refusals = (devices: BenchDevice[]): string[] => devices.flatMap((d) => (d.trust.refusal() ? [`${d.memberId}: ${JSON.stringify(d.trust.refusal())}`] : []))

/** The owner's workspace, and 11 editors who joined it through the relay. */
const workspaceOfMembers = async (relay: TestRelay, id: WorkspaceId): Promise<BenchDevice[]> => {
  const base: RegistryEntry = { id, secret: makeWorkspaceSecret(), name: 'Re-key lab', createdAt: 1, lastOpenedAt: 1, lastEditedAt: 1 }
  const ownerDoc = makeWorkspaceDoc(id)
  initialiseWorkspace(ownerDoc, { name: 'Re-key lab', description: '', leadCouncil: 'Leeds City Council', partnerCouncils: [], startDate: null } as never, { name: 'Member 1', organisation: 'Leeds City Council' }, Date.now())
  const owner = await openDevice(relay, base, 0, ownerDoc, { kind: 'found' })
  const invites: InviteTrust[] = []
  for (let i = 1; i < MEMBERS; i++) invites.push(await owner.trust.invite('editor'))
  const joiners = await Promise.all(invites.map((invite, i) => openDevice(relay, base, i + 1, makeWorkspaceDoc(id), { kind: 'join', invite }, invite.anchor)))
  const devices = [owner, ...joiners]
  const everyoneMember = (d: BenchDevice): boolean => devices.every((other) => d.trust.membership.view().current().state.deviceMember.has(other.trust.device.keyId))
  await until(
    `all ${MEMBERS} devices to join and know each other`,
    () => devices.every(everyoneMember),
    () => `${devices.filter(everyoneMember).length} of ${MEMBERS} know everyone; refused: ${refusals(devices).join('; ') || 'none'}`
  )
  return devices
}

it('prints the time to re-key a 12-member workspace until every online device can write again', async () => {
  const relay = await startPgliteRelay({ maxConnectionsPerAddress: 1_000 })
  const id = makeWorkspaceId()
  const setupStarted = performance.now()
  const devices = await workspaceOfMembers(relay, id)
  const setupMs = performance.now() - setupStarted
  try {
    const [owner, ...members] = devices as [BenchDevice, ...BenchDevice[]]
    const removed = members[members.length - 1] as BenchDevice
    const remaining = devices.filter((d) => d !== removed)
    const oldSecret = owner.entry.secret
    const removedKey = removed.trust.device.keyId
    const marks = new Map<BenchDevice, { heard?: number; moved?: number; wrote?: number; holdsAll?: number }>(remaining.map((d) => [d, {}]))
    const notes = new Map<BenchDevice, string>()
    const titleOf = (d: BenchDevice): string => `Written by ${d.memberId} under the new key`
    const titlesIn = (doc: Y.Doc): Set<string> => new Set(readArtifactSummaries(doc).map((a) => a.title))

    const started = performance.now()
    const at = (): number => Math.round(performance.now() - started)
    await owner.trust.remove({ memberId: removed.memberId })
    const removalWritten = at()

    const look = async (): Promise<boolean> => {
      for (const d of remaining) {
        const mark = marks.get(d)!
        if (mark.heard === undefined && d.trust.membership.view().current().state.removedDevices.has(removedKey)) mark.heard = at()
        if (mark.moved === undefined && (await d.registry.get(id))?.secret !== oldSecret) mark.moved = at()
        if (mark.moved !== undefined && mark.wrote === undefined) {
          // A person writes as soon as their device is under the new key: a new note, through src/crdt.
          createArtifact(d.doc, { kind: 'note', title: titleOf(d) }, { name: d.memberId, organisation: 'Leeds City Council' }, Date.now())
          notes.set(d, titleOf(d))
          mark.wrote = at()
        }
        if (mark.holdsAll === undefined && mark.wrote !== undefined) {
          const held = titlesIn(d.doc)
          if (remaining.every((other) => held.has(titleOf(other)))) mark.holdsAll = at()
        }
      }
      const stuck = refusals(remaining)
      if (stuck.length) throw new Error(`A remaining device's change was refused: ${stuck.join('; ')}`)
      return [...marks.values()].every((m) => m.holdsAll !== undefined)
    }
    await until('every remaining device to move, write, and hold everyone else’s note', look, () =>
      JSON.stringify(remaining.map((d) => ({ member: d.memberId, ...marks.get(d) })))
    )
    const everyoneWritingAgain = at()

    // The removed device, online in the old room throughout, has none of what was written under the new key.
    const removedHolds = titlesIn(removed.doc)
    expect(remaining.filter((d) => removedHolds.has(titleOf(d)))).toEqual([])
    expect(removed.trust.removed()).toBe(true)

    const step = (key: 'heard' | 'moved' | 'wrote' | 'holdsAll') => {
      const values = remaining.map((d) => marks.get(d)![key] as number)
      const { medianMs, maxMs } = summarise(values)
      return { medianMs, lastMs: maxMs }
    }
    reportFigures('trust-rekey', {
      level: 'node (Y.Docs with the app’s trust, follow-rekey and relay transport behind its trust channel; the real relay on PGlite in this process, loopback; no browser, no IndexedDB, no WebRTC)',
      members: MEMBERS,
      remainingOnline: remaining.length,
      cpus: cpus().length,
      // On a shared machine most of each figure can be waiting for a core.
      loadAverage: loadavg()[0],
      setupMs: Math.round(setupMs),
      reKeyUntilEveryDeviceWritesAgainMs: everyoneWritingAgain,
      marksMsFromRemove: {
        removalAndRekeyWritten: removalWritten,
        heardOfRemoval: step('heard'),
        movedToNewKey: step('moved'),
        wroteUnderNewKey: step('wrote'),
        holdsEveryOthersNote: step('holdsAll')
      },
      beside: {
        relayBatchMs: DEFAULT_RELAY_TIMING.batchMs,
        relayReconcileMs: DEFAULT_RELAY_TIMING.reconcileMs,
        lookEveryMs: LOOK_EVERY_MS
      },
      perDevice: remaining.map((d) => ({ member: d === owner ? 'owner' : d.memberId.replace(/^0+/, ''), ...marks.get(d) }))
    })
  } finally {
    await Promise.all(devices.map((d) => d.stop()))
    await relay.close()
  }
})
