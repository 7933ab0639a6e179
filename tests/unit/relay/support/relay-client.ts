// A test client for the relay protocol (docs/relay-protocol.md), written from the document and
// not from the server's code, so the tests check the byte layout rather than echo it.
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { WebSocket as WsSocket } from 'ws'

// Node's ws by path, not the browser stub the unit project's "browser" condition would pick.
const require = createRequire(import.meta.url)
export const { WebSocket } = require(join(dirname(require.resolve('ws/package.json')), 'index.js')) as {
  WebSocket: typeof WsSocket
}

const u64 = (value: number): Buffer => {
  const bytes = Buffer.alloc(8)
  bytes.writeBigUInt64BE(BigInt(value))
  return bytes
}
const u32 = (value: number): Buffer => {
  const bytes = Buffer.alloc(4)
  bytes.writeUInt32BE(value)
  return bytes
}
const header = (type: number, version = 1): Buffer => Buffer.from([version, type])

export const helloFrame = (token: Uint8Array, after = 0): Buffer => Buffer.concat([header(0x01), token, u64(after)])
export const appendFrame = (ref: number, sealed: Uint8Array): Buffer => Buffer.concat([header(0x02), u32(ref), sealed])
export const compactFrame = (ref: number, covers: number, sealed: Uint8Array): Buffer =>
  Buffer.concat([header(0x03), u32(ref), u64(covers), sealed])
export const presenceFrame = (sealed: Uint8Array): Buffer => Buffer.concat([header(0x04), sealed])

/** Stand-in for a sealed blob: seal version 1, then random bytes (as ciphertext looks). */
export const fakeSealed = (size = 64): Buffer => Buffer.concat([Buffer.from([1]), randomBytes(Math.max(size, 29) - 1)])
export const newToken = (): Buffer => randomBytes(32)

export type RelayFrame =
  | {
      type: 'welcome'
      head: number
      snapshotCovers: number
      logEntries: number
      logBytes: number
      rates: { framesPerSecond: number; frameBurst: number; bytesPerSecond: number; byteBurst: number }
    }
  | { type: 'snapshot'; covers: number; sealed: Buffer }
  | { type: 'entry'; seq: number; sealed: Buffer }
  | { type: 'caught-up'; head: number }
  | { type: 'ack'; ref: number; seq: number }
  | { type: 'presence'; sealed: Buffer }
  | { type: 'error'; code: number; ref: number; message: string }

const readU64 = (bytes: Buffer, offset: number): number => Number(bytes.readBigUInt64BE(offset))

export const decodeRelayFrame = (bytes: Buffer): RelayFrame => {
  if (bytes[0] !== 1) throw new Error(`Relay sent protocol version ${bytes[0]}`)
  const body = bytes.subarray(2)
  switch (bytes[1]) {
    case 0x81:
      return {
        type: 'welcome',
        head: readU64(body, 0),
        snapshotCovers: readU64(body, 8),
        logEntries: body.readUInt32BE(16),
        logBytes: readU64(body, 20),
        rates: {
          framesPerSecond: body.readUInt32BE(28),
          frameBurst: body.readUInt32BE(32),
          bytesPerSecond: body.readUInt32BE(36),
          byteBurst: body.readUInt32BE(40)
        }
      }
    case 0x82:
      return { type: 'snapshot', covers: readU64(body, 0), sealed: body.subarray(8) }
    case 0x83:
      return { type: 'entry', seq: readU64(body, 0), sealed: body.subarray(8) }
    case 0x84:
      return { type: 'caught-up', head: readU64(body, 0) }
    case 0x85:
      return { type: 'ack', ref: body.readUInt32BE(0), seq: readU64(body, 4) }
    case 0x86:
      return { type: 'presence', sealed: body }
    case 0x87:
      return { type: 'error', code: body[0] as number, ref: body.readUInt32BE(1), message: body.subarray(5).toString('utf8') }
    default:
      throw new Error(`Relay sent unknown frame type ${bytes[1]}`)
  }
}

export interface RelayTestClient {
  ws: WsSocket
  /** Every frame received and not yet taken by next(). */
  inbox: RelayFrame[]
  /** Every frame received, in order. */
  received: RelayFrame[]
  send(bytes: Buffer): void
  /** The first frame (taken from the inbox) that matches, waiting as long as needed. */
  next<T extends RelayFrame['type']>(type: T, match?: (frame: Extract<RelayFrame, { type: T }>) => boolean): Promise<Extract<RelayFrame, { type: T }>>
  closed: Promise<{ code: number }>
}

const clients: WsSocket[] = []

/** Ends every test client still open (call from afterEach). */
export const closeTestClients = (): void => {
  for (const ws of clients.splice(0)) ws.terminate()
}

/** `localAddress`: any 127.x.y.z, to look like another client address on loopback. */
export const connectRelay = async (url: string, localAddress = '127.0.0.1'): Promise<RelayTestClient> => {
  const ws = new WebSocket(url, { localAddress })
  clients.push(ws)
  const inbox: RelayFrame[] = []
  const received: RelayFrame[] = []
  const waiters = new Set<() => void>()
  ws.on('message', (data: Buffer) => {
    const frame = decodeRelayFrame(data)
    inbox.push(frame)
    received.push(frame)
    for (const waiter of [...waiters]) waiter()
  })
  const closed = new Promise<{ code: number }>((resolve) => ws.once('close', (code: number) => resolve({ code })))
  ws.on('error', () => {})
  await once(ws, 'open')
  return {
    ws,
    inbox,
    received,
    closed,
    send: (bytes) => ws.send(bytes),
    next: (type, match = () => true) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const index = inbox.findIndex((frame) => frame.type === type && match(frame as never))
          if (index >= 0) {
            waiters.delete(check)
            resolve(inbox.splice(index, 1)[0] as never)
          } else if (ws.readyState === WebSocket.CLOSED) {
            waiters.delete(check)
            reject(new Error(`Connection closed before a ${type} frame came; received ${JSON.stringify(received.map((f) => f.type))}`))
          }
        }
        waiters.add(check)
        ws.once('close', check)
        check()
      })
  }
}

/** Connects and says HELLO; resolves after CAUGHT_UP with what came before it. */
export const joinRoom = async (url: string, token: Buffer, after = 0, localAddress = '127.0.0.1') => {
  const client = await connectRelay(url, localAddress)
  client.send(helloFrame(token, after))
  const welcome = await client.next('welcome')
  const caughtUp = await client.next('caught-up')
  const backlog = client.received.slice(0, client.received.indexOf(caughtUp)).filter((f) => f.type === 'entry' || f.type === 'snapshot')
  for (const frame of backlog) client.inbox.splice(client.inbox.indexOf(frame), 1)
  return { client, welcome, caughtUp, backlog }
}
