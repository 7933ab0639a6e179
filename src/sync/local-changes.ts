import type * as Y from 'yjs'
import { deletedIn } from './state-summary'
import type { Transport } from './transport'

type Carrier = Pick<Transport<unknown>, 'isOwnOrigin' | 'send'>

/**
 * Hands each change made on this device to every transport. A change that a transport
 * applied (received from elsewhere) is not this device's own: it is not handed back out,
 * so the relay never re-appends what it sent, and peers' changes reach the relay through
 * its reconcile instead. Returns the function that stops it.
 */
export const forwardLocalChanges = (doc: Y.Doc, transports: () => readonly Carrier[], onRemote?: (origin: unknown) => void): (() => void) => {
  const onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    const carriers = transports()
    if (carriers.some((t) => t.isOwnOrigin(origin))) {
      onRemote?.(origin)
      return
    }
    const change = { update, deleted: deletedIn(transaction) }
    for (const transport of carriers) transport.send(change)
  }
  doc.on('update', onUpdate)
  return () => doc.off('update', onUpdate)
}
