// The HTTP server under the WebSocket endpoints: a client that opens many sockets, or sends its
// request headers a byte at a time (slowloris), must not hold the server's sockets for itself.
import { once } from 'node:events'
import http from 'node:http'
import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { guardHttpServer } from '../../../scripts/net-limits.mjs'
import { startSignallingServer } from '../../../scripts/signalling-server.mjs'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const startServer = async (options: Parameters<typeof guardHttpServer>[1]) => {
  const server = http.createServer((_request, response) => response.end('ok'))
  const guard = guardHttpServer(server, options)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  cleanups.push(() => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve) }))
  const address = server.address()
  return { port: typeof address === 'object' && address ? address.port : 0, guard }
}

/** A raw socket from `localAddress` that has sent the start of a request and nothing more. */
const halfRequest = async (port: number, localAddress = '127.0.0.1') => {
  const socket = net.connect({ port, host: '127.0.0.1', localAddress })
  cleanups.push(() => socket.destroy())
  socket.on('error', () => {})
  // A refused socket may be reset before its 'connect' is seen: either way it has been dealt with.
  await new Promise((resolve) => { socket.once('connect', resolve); socket.once('close', resolve) })
  if (!socket.destroyed) socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n')
  return socket
}

const get = (port: number, localAddress = '127.0.0.1') =>
  new Promise<string>((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, localAddress, path: '/', agent: false }, (response) => {
      let body = ''
      response.on('data', (chunk) => (body += chunk))
      response.on('end', () => resolve(body))
    })
    request.on('error', reject)
  })

describe('the HTTP guard', () => {
  it('closes a socket whose request headers do not arrive in time', async () => {
    const { port } = await startServer({ headersTimeoutMs: 200 })
    const slow = await halfRequest(port)
    await once(slow, 'close')
    expect(slow.destroyed).toBe(true)
    // A request that completes is answered as before.
    expect(await get(port)).toBe('ok')
  })

  it('caps the sockets one address may hold, and other addresses are still served', async () => {
    const { port, guard } = await startServer({ maxSocketsPerAddress: 3, headersTimeoutMs: 60_000 })
    const held = await Promise.all([1, 2, 3].map(() => halfRequest(port, '127.0.0.2')))
    await expect.poll(() => guard.openSockets()).toBe(3)
    const fourth = await halfRequest(port, '127.0.0.2')
    if (!fourth.destroyed) await once(fourth, 'close')
    expect(held.every((socket) => !socket.destroyed)).toBe(true)
    expect(await get(port, '127.0.0.3')).toBe('ok')
    // Closing one gives its address room again.
    held[0]!.destroy()
    await expect.poll(() => guard.openSockets()).toBe(2)
    const again = await halfRequest(port, '127.0.0.2')
    await expect.poll(() => guard.openSockets()).toBe(3)
    expect(again.destroyed).toBe(false)
  })

  it('caps the sockets in total', async () => {
    const { port } = await startServer({ maxSockets: 2, headersTimeoutMs: 60_000 })
    await halfRequest(port, '127.0.0.4')
    await halfRequest(port, '127.0.0.5')
    const third = await halfRequest(port, '127.0.0.6')
    if (!third.destroyed) await once(third, 'close')
    expect(third.destroyed).toBe(true)
  })

  it('guards the signalling server started on its own', async () => {
    // Two WebSocket connections per address allowed: sockets per address are capped at 4 × 2 + 64.
    const server = await startSignallingServer({ port: 0, maxConnectionsPerAddress: 2 })
    cleanups.push(() => server.close())
    const port = Number(new URL(server.url).port)
    const sockets = []
    for (let i = 0; i < 72; i++) sockets.push(await halfRequest(port, '127.0.0.7'))
    const refused = await halfRequest(port, '127.0.0.7')
    if (!refused.destroyed) await once(refused, 'close')
    expect(sockets.filter((socket) => socket.destroyed)).toHaveLength(0)
  })
})
