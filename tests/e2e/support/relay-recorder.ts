// A WebSocket proxy in front of a relay that records every message both ways, as a host (or
// anyone on the path inside TLS) would see them: what the devices send the relay and what it
// sends back, with the address and headers of each connection. Recorded at the WebSocket level,
// after unmasking, so the search sees the real payloads.
import type { AddressInfo } from 'node:net'
import { WebSocket, WebSocketServer, type RawData } from 'ws'

export interface RecordedTraffic {
  /** Request line and headers of each connection. */
  upgrades: string[]
  /** Every message, both ways, in order. */
  messages: { toRelay: boolean; bytes: Buffer }[]
}

export interface RelayRecorder {
  /** ws://127.0.0.1:PORT/relay: give this to the devices instead of the relay's own address. */
  url: string
  traffic: RecordedTraffic
  /** Everything recorded, as one buffer to search. */
  bytes(): Buffer
  close(): Promise<void>
}

const asBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)

export const startRelayRecorder = async (relayUrl: string): Promise<RelayRecorder> => {
  const traffic: RecordedTraffic = { upgrades: [], messages: [] }
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/relay', perMessageDeflate: false })
  const sockets = new Set<WebSocket>()
  server.on('connection', (client, request) => {
    traffic.upgrades.push(`${request.method} ${request.url} ${JSON.stringify(request.headers)}`)
    const relay = new WebSocket(relayUrl, { perMessageDeflate: false })
    sockets.add(client).add(relay)
    const waiting: Buffer[] = []
    client.on('message', (data) => {
      const bytes = asBuffer(data)
      traffic.messages.push({ toRelay: true, bytes })
      if (relay.readyState === WebSocket.OPEN) relay.send(bytes)
      else waiting.push(bytes)
    })
    relay.on('open', () => {
      for (const bytes of waiting.splice(0)) relay.send(bytes)
    })
    relay.on('message', (data) => {
      const bytes = asBuffer(data)
      traffic.messages.push({ toRelay: false, bytes })
      if (client.readyState === WebSocket.OPEN) client.send(bytes)
    })
    // Either side ending ends the other, as a dropped relay would look to the device.
    const end = (): void => {
      client.terminate()
      relay.terminate()
      sockets.delete(client)
      sockets.delete(relay)
    }
    for (const socket of [client, relay]) {
      socket.on('close', end)
      socket.on('error', end)
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `ws://127.0.0.1:${port}/relay`,
    traffic,
    bytes: () => Buffer.concat([Buffer.from(traffic.upgrades.join('\n')), ...traffic.messages.map((m) => m.bytes)]),
    async close() {
      for (const socket of sockets) socket.terminate()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
