// The relay frames a page's WebSockets carry, by type (docs/relay-protocol.md, byte 1), in the
// order the page sent and received them: how a test knows the device has dealt with everything
// the relay sent before a given frame, without looking inside the app.
import type { Page } from 'playwright-core'

export const FRAME = { PRESENCE: 0x04, CAUGHT_UP: 0x84 } as const

export interface SeenFrame {
  sent: boolean
  type: number
}

/** Starts recording; attach before the page opens the relay. */
export const watchRelayFrames = (page: Page): SeenFrame[] => {
  const seen: SeenFrame[] = []
  const typeOf = (payload: string | Buffer): number => (typeof payload === 'string' ? -1 : (payload[1] ?? -1))
  page.on('websocket', (socket) => {
    if (!socket.url().endsWith('/relay')) return
    socket.on('framereceived', ({ payload }) => seen.push({ sent: false, type: typeOf(payload) }))
    socket.on('framesent', ({ payload }) => seen.push({ sent: true, type: typeOf(payload) }))
  })
  return seen
}

/**
 * Whether the device has finished with the relay's backlog: after CAUGHT_UP arrives, and only
 * once every frame before it has been handled, the device announces its presence.
 */
export const handledBacklog = (seen: readonly SeenFrame[]): boolean => {
  const caughtUp = seen.findIndex((f) => !f.sent && f.type === FRAME.CAUGHT_UP)
  return caughtUp >= 0 && seen.slice(caughtUp + 1).some((f) => f.sent && f.type === FRAME.PRESENCE)
}
