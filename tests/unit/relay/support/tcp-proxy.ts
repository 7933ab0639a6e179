// A loopback TCP proxy in front of PostgreSQL, to take the relay's database away and give it back
// without touching the PostgreSQL other tests share: 'down' resets every connection and refuses
// new ones; 'stalled' holds every byte (a database that stopped answering); 'up' passes through.
import { once } from 'node:events'
import net from 'node:net'

export type ProxyMode = 'up' | 'down' | 'stalled'

export interface TcpProxy {
  /** postgres://… through the proxy, for the same database as `targetUrl`. */
  url: string
  set(mode: ProxyMode): void
  close(): Promise<void>
}

export const startTcpProxy = async (targetUrl: string): Promise<TcpProxy> => {
  const target = new URL(targetUrl)
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket; flowing: boolean }>()
  let mode: ProxyMode = 'up'

  const server = net.createServer((client) => {
    client.on('error', () => {})
    if (mode === 'down') return void client.destroy()
    const upstream = net.connect(Number(target.port || 5432), target.hostname)
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
    const pair = { client, upstream, flowing: false }
    pairs.add(pair)
    const forget = () => {
      pairs.delete(pair)
      client.destroy()
      upstream.destroy()
    }
    client.on('close', forget)
    upstream.on('close', forget)
    if (mode === 'up') flow(pair)
  })

  const flow = (pair: { client: net.Socket; upstream: net.Socket; flowing: boolean }) => {
    pair.flowing = true
    pair.client.pipe(pair.upstream)
    pair.upstream.pipe(pair.client)
  }
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as net.AddressInfo
  const url = new URL(targetUrl)
  url.hostname = '127.0.0.1'
  url.port = String(port)

  return {
    url: url.toString(),
    set(next) {
      mode = next
      for (const pair of [...pairs]) {
        if (next === 'down') {
          pair.client.resetAndDestroy()
          pair.upstream.destroy()
        } else if (next === 'stalled' && pair.flowing) {
          // unpipe stops the flow for good: a paused pipe would resume on the next 'drain'.
          pair.flowing = false
          pair.client.unpipe(pair.upstream)
          pair.upstream.unpipe(pair.client)
          pair.client.pause()
          pair.upstream.pause()
        } else if (next === 'up' && !pair.flowing) flow(pair)
      }
    },
    async close() {
      for (const pair of pairs) {
        pair.client.destroy()
        pair.upstream.destroy()
      }
      await new Promise((resolve) => server.close(() => resolve(undefined)))
    }
  }
}
