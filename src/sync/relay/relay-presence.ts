import { applyAwarenessUpdate, encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness'
import { RELAY } from '../../crdt/origins'
import { isAwarenessUpdate } from '../message-guard'
import { decodeEnvelope, encodePresenceEnvelope } from './relay-envelope'
import { encodePresence, MAX_PRESENCE_BYTES } from './relay-frames'
import type { RelayKeys } from './relay-keys'
import { openSealed, seal } from './relay-seal'

/**
 * Presence through the relay: this device's awareness state, sealed, relayed live and never
 * stored; the others' applied to the awareness like presence from a peer. Bounded both ways:
 * this device sends at most one presence per MIN_INTERVAL_MS (the latest state), and takes at
 * most MAX_INCOMING_PER_SECOND from the relay, so a flood costs little.
 */
const MIN_INTERVAL_MS = 250
const MAX_INCOMING_PER_SECOND = 30

export interface RelayPresence {
  /** The connection is live: say who this device is now. */
  announce(): void
  receive(sealed: Uint8Array): Promise<void>
  destroy(): void
}

export const makeRelayPresence = (options: {
  awareness: Awareness
  keys: RelayKeys
  sender: string
  send: (frame: Uint8Array) => boolean
}): RelayPresence => {
  const { awareness, keys, sender } = options
  let counter = 0
  let lastSentAt = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  let destroyed = false
  let windowStart = 0
  let windowCount = 0
  const heardFrom = new Set<number>()

  const sendNow = async (): Promise<void> => {
    timer = null
    if (destroyed) return
    lastSentAt = Date.now()
    if (awareness.getLocalState() === null) return
    const update = encodeAwarenessUpdate(awareness, [awareness.clientID])
    counter = counter >= 0xffffffff ? 1 : counter + 1
    const sealed = await seal(keys, 'presence', encodePresenceEnvelope(sender, counter, update))
    if (destroyed || sealed.length > MAX_PRESENCE_BYTES) return
    options.send(encodePresence(sealed))
  }
  const schedule = (): void => {
    if (timer || destroyed) return
    timer = setTimeout(() => void sendNow(), Math.max(0, lastSentAt + MIN_INTERVAL_MS - Date.now()))
  }
  const onUpdate = (_change: unknown, origin: unknown): void => {
    if (origin === 'local') schedule()
  }
  awareness.on('update', onUpdate)

  return {
    announce: schedule,
    async receive(sealed) {
      const now = Date.now()
      if (now - windowStart >= 1000) {
        windowStart = now
        windowCount = 0
      }
      if (++windowCount > MAX_INCOMING_PER_SECOND) return
      const plain = await openSealed(keys, 'presence', sealed)
      if (!plain || destroyed) return
      const decoded = decodeEnvelope(plain)
      if (!decoded.ok || decoded.envelope.kind !== 'presence' || decoded.envelope.sender === sender) return
      const update = decoded.envelope.payload
      if (!isAwarenessUpdate(update)) return
      const before = new Set(awareness.getStates().keys())
      applyAwarenessUpdate(awareness, update, RELAY)
      // Someone new: tell them who is here now rather than at the next renewal (up to 15 s).
      let someoneNew = false
      for (const id of awareness.getStates().keys()) {
        if (!before.has(id) && !heardFrom.has(id)) {
          heardFrom.add(id)
          someoneNew = true
        }
      }
      if (heardFrom.size > 10_000) heardFrom.clear()
      if (someoneNew) schedule()
    },
    destroy() {
      destroyed = true
      if (timer) clearTimeout(timer)
      timer = null
      awareness.off('update', onUpdate)
    }
  }
}
