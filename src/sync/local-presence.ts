import { Awareness, removeAwarenessStates } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { parsePresenceState, type PresenceUser, type PresenceView } from '../domain/presence'
import { shareClock } from './clock-presence'

/**
 * Presence: what this device says about itself (who, what it has open, its device and peer
 * ids, its "seen" digest), kept so it can be said again after a transport clears it, and
 * what it hears from others. Never saved; every transport carries it.
 */
export interface LocalPresence {
  readonly awareness: Awareness
  /** Sets fields of this device's presence, and remembers them. */
  set(fields: Record<string, unknown>): void
  /** Says everything again (y-webrtc clears the local presence when it disconnects). */
  restore(): void
  setView(view: PresenceView): void
  /** Whom this device reaches, directly or through others: everyone whose presence it holds. */
  reachablePeers(): string[]
  /** Other tabs of this browser whose presence is here. */
  countTabs(): number
  /** With nobody connected, the presence of others is out of date: drop it now, not in 30 s. */
  forgetOthers(): void
  clockOffset(device: string | undefined): number
  destroy(): void
}

export const makeLocalPresence = (doc: Y.Doc, user: PresenceUser, deviceId: string): LocalPresence => {
  const awareness = new Awareness(doc)
  const local: Record<string, unknown> = { user, view: { artifactId: null }, device: deviceId }
  const clock = shareClock(awareness, deviceId)
  const restore = (): void => awareness.setLocalState({ ...(awareness.getLocalState() ?? {}), ...local })
  restore()
  return {
    awareness,
    set(fields) {
      Object.assign(local, fields)
      const current = awareness.getLocalState() ?? {}
      if (Object.entries(fields).some(([key, value]) => current[key] !== value)) awareness.setLocalState({ ...current, ...fields })
    },
    restore,
    setView(view) {
      local.view = view
      awareness.setLocalStateField('view', view)
    },
    reachablePeers() {
      const peers: string[] = []
      // Validated like every other presence field: a peer's garbage names nobody.
      for (const raw of awareness.getStates().values()) {
        const peer = parsePresenceState(raw)?.peer
        if (peer) peers.push(peer)
      }
      return peers
    },
    countTabs() {
      // A tab that closed without saying so (browsers do not wait for y-webrtc's goodbye)
      // drops out when its presence times out.
      let tabs = 0
      for (const [clientId, raw] of awareness.getStates()) {
        if (clientId !== doc.clientID && (raw as { device?: unknown } | null)?.device === deviceId) tabs++
      }
      return tabs
    },
    forgetOthers() {
      const others = [...awareness.getStates().keys()].filter((id) => id !== doc.clientID)
      if (others.length > 0) removeAwarenessStates(awareness, others, 'disconnected')
    },
    // shareClock never records this device's own readings, so its offset is 0.
    clockOffset: (device) => clock.offsets.offsetOf(device, Date.now()),
    destroy() {
      clock.stop()
      awareness.destroy()
    }
  }
}
