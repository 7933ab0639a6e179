import * as Y from 'yjs'
import { RELAY } from '../../../src/crdt/origins'
import type { WorkspaceId, WorkspaceSecret } from '../../../src/domain/ids'
import { DEFAULT_RELAY_TIMING } from '../../../src/sync/relay/relay-timing'
import { relayTrustOf } from '../../../src/sync/relay/relay-trust'
import { covers, trackState } from '../../../src/sync/state-summary'
import { makeTrustChannel } from '../../../src/sync/trust/trust-channel'
import type { TrustSetup } from '../../../src/sync/trust/trust-setup'
import type { WorkspaceSync } from '../../../src/sync/workspace-sync'
import { startDevice, type TestDevice } from '../../unit/sync/relay/support/relay-devices'

/** What app/follow-rekey.ts asks of a workspace's sync. */
export type RekeyingSync = Pick<WorkspaceSync, 'whenHeldElsewhere' | 'rekey' | 'destroy'>

/** How often whenHeldElsewhere looks at what the relay holds. */
const LOOK_EVERY_MS = 10

/**
 * The relay half of the sync core (sync/workspace-sync.ts), for one of many devices of a
 * workspace in one process. The whole core cannot run twice here: y-webrtc keeps one room per
 * name per process, and the second device's room fails to open. Like the core, it checks and
 * signs everything through one trust channel kept for the sync's life (origin RELAY), uses the
 * app's relay timings (reconnects aside: a re-key reconnects every device at once), and does what
 * `whenHeldElsewhere` and `rekey` do on the relay's side: wait until the relay holds all this
 * device has, then reconnect in the new key's room with no cursor.
 */
export const startRelayOnlySync = (options: { url: string; doc: Y.Doc; workspaceId: WorkspaceId; secret: WorkspaceSecret; trust: TrustSetup }): RekeyingSync => {
  const { doc } = options
  const channel = makeTrustChannel({ ...options.trust, doc, workspaceId: options.workspaceId, origin: RELAY, apply: (update, origin) => Y.applyUpdate(doc, update, origin) })
  const tracker = trackState(doc, () => {}, (task) => task())
  const timing = { ...DEFAULT_RELAY_TIMING, backoff: { baseMs: 50, maxMs: 500 } }
  const connect = (secret: WorkspaceSecret): TestDevice => startDevice({ url: options.url, secret, doc, timing, trust: relayTrustOf(channel, options.trust, options.workspaceId) })
  let device = connect(options.secret)
  let destroyed = false
  return {
    async whenHeldElsewhere() {
      const target = tracker.summary()
      const held = (): boolean => target !== null && device.transport.heldSummaries().some((summary) => covers(summary, target))
      while (!held() && !destroyed) await new Promise((resolve) => setTimeout(resolve, LOOK_EVERY_MS))
    },
    async rekey(next) {
      await device.destroy()
      if (!destroyed) device = connect(next)
    },
    async destroy() {
      if (destroyed) return
      destroyed = true
      await device.destroy()
      tracker.destroy()
      channel.destroy()
    }
  }
}
