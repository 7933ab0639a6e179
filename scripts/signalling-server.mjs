// A y-webrtc compatible signalling server: peers subscribe to rooms (topics) and publish small
// JSON messages that the server relays to every subscriber of the room. Mutual encrypts what
// it publishes with the workspace secret and names rooms by a hash, so this server relays
// ciphertext between opaque room names and never sees a workspace, a person or a document.
//
// Protocol (y-webrtc's bin/server.js): {type:'subscribe', topics:[...]},
// {type:'unsubscribe', topics:[...]}, {type:'publish', topic, data} (relayed to the topic's
// subscribers with `clients` set to their number), {type:'ping'} → {type:'pong'}.
// Unlike that reference server it: ignores malformed messages instead of crashing on them
// (deep nesting included: JSON.stringify of a 6,000-deep array exhausts the stack), catches any
// error in a handler, bounds message size, topics, connections (in all and per address) and
// messages and bytes per second, relays only to subscribers and only from them, forgets empty
// topics, and listens on 127.0.0.1 unless told otherwise.
//
// Use it three ways: attached to the app's own HTTP server (`npm start`, path /signal), on
// its own (`node scripts/signalling-server.mjs`, PORT and HOST from the environment), or from
// tests (startSignallingServer / attachSignalling with `onTraffic` to record what it saw).
import http from 'node:http'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { jsonDepthWithin } from './json-depth.mjs'
import { guardHttpServer, makeAddressCounter, makeTokenBucket, remoteAddress } from './net-limits.mjs'

// ws's Node build, by path: where Node runs with the "browser" condition (vitest's unit
// project does), the package name alone resolves to ws's browser stub.
const require = createRequire(import.meta.url)
const { WebSocketServer } = require(join(dirname(require.resolve('ws/package.json')), 'index.js'))

export const SIGNALLING_PATH = '/signal'

const DEFAULTS = {
  /** y-webrtc's largest messages (an SDP offer, encrypted and base64'd) are a few KB. */
  maxMessageBytes: 64 * 1024,
  maxTopicsPerConnection: 32,
  maxTopicLength: 128,
  maxConnections: 1000,
  /** One address may not take every slot (behind a proxy, set trustProxy: see net-limits.mjs). */
  maxConnectionsPerAddress: 64,
  trustProxy: false,
  /** Sustained messages per second per connection, with bursts up to `burst`. */
  messagesPerSecond: 50,
  burst: 200,
  /** Sustained bytes per second per connection, with bursts up to `byteBurst`. */
  bytesPerSecond: 512 * 1024,
  byteBurst: 2 * 1024 * 1024,
  /** y-webrtc's messages nest three or four deep; anything far deeper is refused unparsed. */
  maxJsonDepth: 32,
  /** A receiver this far behind is skipped rather than buffered without end. */
  maxBufferedBytes: 1024 * 1024,
  heartbeatMs: 30_000
}

const OPEN = 1

/**
 * The relay itself, with no HTTP server of its own: feed it upgrade requests.
 * @param {Partial<typeof DEFAULTS> & { onTraffic?: (event: object) => void }} [options]
 */
export const createSignallingHub = (options = {}) => {
  const config = { ...DEFAULTS, ...options }
  const record = typeof options.onTraffic === 'function' ? options.onTraffic : null
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes, perMessageDeflate: false })
  /** @type {Map<string, Set<import('ws').WebSocket>>} */
  const topics = new Map()
  const perAddress = makeAddressCounter(config.maxConnectionsPerAddress)
  let nextConnection = 1

  const send = (ws, text, connection) => {
    if (ws.readyState !== OPEN || ws.bufferedAmount > config.maxBufferedBytes) return
    record?.({ kind: 'out', connection, text })
    ws.send(text, (error) => {
      if (error) ws.terminate()
    })
  }

  const validTopics = (value) =>
    Array.isArray(value)
      ? value.filter((t) => typeof t === 'string' && t.length > 0 && t.length <= config.maxTopicLength)
      : []

  wss.on('connection', (ws, request) => {
    const connection = nextConnection++
    ws.mutualConnection = connection
    record?.({ kind: 'upgrade', connection, url: request?.url ?? '', headers: { ...(request?.headers ?? {}) } })
    /** @type {Set<string>} */
    const subscribed = new Set()
    let alive = true
    const messageRate = makeTokenBucket({ perSecond: config.messagesPerSecond, burst: config.burst })
    const byteRate = makeTokenBucket({ perSecond: config.bytesPerSecond, burst: config.byteBurst })
    ws.mutualHeartbeat = () => {
      if (!alive) return ws.terminate()
      alive = false
      try {
        ws.ping()
      } catch {
        ws.terminate()
      }
    }
    ws.on('pong', () => {
      alive = true
    })
    // A frame over maxPayload or a broken frame: ws closes the connection and reports here.
    ws.on('error', () => ws.terminate())

    const leave = (topic) => {
      const members = topics.get(topic)
      if (!members) return
      members.delete(ws)
      if (members.size === 0) topics.delete(topic)
    }

    const onMessage = (raw, isBinary) => {
      alive = true
      if (!messageRate.take(1) || !byteRate.take(raw.length)) return
      if (isBinary) return
      const text = raw.toString('utf8')
      record?.({ kind: 'in', connection, text })
      if (!jsonDepthWithin(text, config.maxJsonDepth)) return
      let message
      try {
        message = JSON.parse(text)
      } catch {
        return
      }
      if (typeof message !== 'object' || message === null || Array.isArray(message)) return
      switch (message.type) {
        case 'subscribe':
          for (const topic of validTopics(message.topics)) {
            if (!subscribed.has(topic) && subscribed.size >= config.maxTopicsPerConnection) break
            subscribed.add(topic)
            let members = topics.get(topic)
            if (!members) topics.set(topic, (members = new Set()))
            members.add(ws)
          }
          break
        case 'unsubscribe':
          for (const topic of validTopics(message.topics)) {
            subscribed.delete(topic)
            leave(topic)
          }
          break
        case 'publish': {
          const topic = message.topic
          // Only members of a room may speak in it, and a message must carry something.
          if (typeof topic !== 'string' || !subscribed.has(topic) || message.data === undefined) break
          const receivers = topics.get(topic)
          if (!receivers) break
          const out = JSON.stringify({ type: 'publish', topic, data: message.data, clients: receivers.size })
          for (const receiver of receivers) send(receiver, out, receiver.mutualConnection)
          break
        }
        case 'ping':
          send(ws, JSON.stringify({ type: 'pong' }), connection)
          break
        default:
          break
      }
    }
    ws.on('message', (raw, isBinary) => {
      // Whatever a client sends, one bad message must never take the server down for everyone.
      try {
        onMessage(raw, isBinary)
      } catch {
        ws.terminate()
      }
    })
    ws.on('close', () => {
      for (const topic of subscribed) leave(topic)
      subscribed.clear()
    })
  })

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) ws.mutualHeartbeat?.()
  }, config.heartbeatMs)
  heartbeat.unref?.()

  return {
    /** Takes over an HTTP upgrade request. */
    handleUpgrade(request, socket, head) {
      const address = remoteAddress(request, config.trustProxy)
      if (wss.clients.size >= config.maxConnections || !perAddress.acquire(address)) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n')
        return
      }
      socket.on('error', () => socket.destroy())
      let counted = true
      const release = () => {
        if (counted) perAddress.release(address)
        counted = false
      }
      // Released when the socket closes, whether or not the upgrade completed.
      socket.once('close', release)
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
    },
    topicCount: () => topics.size,
    connectionCount: () => wss.clients.size,
    async close() {
      clearInterval(heartbeat)
      for (const ws of wss.clients) ws.terminate()
      await new Promise((resolve) => wss.close(() => resolve(undefined)))
    }
  }
}

/**
 * Serves signalling on an existing HTTP server (the one serving the app) at `path`, so the app
 * finds it at ws(s)://<its own host>/signal with no configuration. `path: null` takes any path.
 */
export const attachSignalling = (server, options = {}) => {
  const { path = SIGNALLING_PATH, ...hubOptions } = options
  const hub = createSignallingHub(hubOptions)
  const onUpgrade = (request, socket, head) => {
    let pathname = ''
    try {
      pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    } catch {
      pathname = ''
    }
    if (path === null || pathname === path) return hub.handleUpgrade(request, socket, head)
    // Nobody else wants this upgrade: refuse it rather than leave the socket hanging.
    if (server.listeners('upgrade').length === 1) socket.destroy()
  }
  server.on('upgrade', onUpgrade)
  return {
    ...hub,
    async close() {
      server.off('upgrade', onUpgrade)
      await hub.close()
    }
  }
}

/** A signalling server on its own port; 127.0.0.1 unless `host` says otherwise. */
export const startSignallingServer = async (options = {}) => {
  const { host = '127.0.0.1', port = 4444, ...rest } = options
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
    response.end('Mutual signalling server: connect with WebSocket.\n')
  })
  guardHttpServer(server, { trustProxy: rest.trustProxy ?? false, upgradedPerAddress: rest.maxConnectionsPerAddress })
  const hub = attachSignalling(server, { path: null, ...rest })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(undefined))
  })
  const address = server.address()
  const url = `ws://${host.includes(':') ? `[${host}]` : host}:${typeof address === 'object' && address ? address.port : port}`
  return {
    url,
    hub,
    async close() {
      await hub.close()
      await new Promise((resolve) => server.close(() => resolve(undefined)))
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 4444)
  const host = process.env.HOST ?? '127.0.0.1'
  const running = await startSignallingServer({ host, port })
  console.log(`Mutual signalling server listening on ${running.url}\nPress Ctrl+C to stop.`)
  const stop = () => void running.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
