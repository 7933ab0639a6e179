import * as Y from 'yjs'

/**
 * In-memory peers that exchange Yjs updates through per-link queues, which the test can hold
 * (a partition), reorder and deliver at random. No update is ever lost: partitions heal.
 */
export const makePeerNetwork = (docs: Y.Doc[], random: { int: (n: number) => number }) => {
  const queues = new Map<string, Uint8Array[]>()
  const key = (from: number, to: number): string => `${from}>${to}`
  const cut = new Set<number>()
  docs.forEach((doc, from) => {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'network') return
      docs.forEach((_, to) => {
        if (to !== from) {
          const q = queues.get(key(from, to)) ?? []
          q.push(update)
          queues.set(key(from, to), q)
        }
      })
    })
  })
  const deliverableLinks = (): string[] =>
    [...queues.entries()]
      .filter(([link, q]) => {
        const [from, to] = link.split('>').map(Number) as [number, number]
        return q.length > 0 && !cut.has(from) && !cut.has(to)
      })
      .map(([link]) => link)

  return {
    /** Delivers one queued update on a random open link, picked at a random queue position. */
    deliverOne(): boolean {
      const links = deliverableLinks()
      if (links.length === 0) return false
      const link = links[random.int(links.length)] as string
      const q = queues.get(link) as Uint8Array[]
      const [update] = q.splice(random.int(q.length), 1)
      const to = Number(link.split('>')[1])
      Y.applyUpdate(docs[to] as Y.Doc, update as Uint8Array, 'network')
      return true
    },
    partition(peer: number) {
      cut.add(peer)
    },
    heal(peer: number) {
      cut.delete(peer)
    },
    /** Heals every partition and delivers everything still queued. */
    settle() {
      cut.clear()
      while (this.deliverOne()) {
        /* deliver all */
      }
    }
  }
}
