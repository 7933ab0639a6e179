import type { IncomingHttpHeaders, Server } from 'node:http'
import type { Duplex } from 'node:stream'

export const SIGNALLING_PATH: '/signal'

/** What the server saw: an upgrade request, or a text frame in or out (per connection). */
export type SignallingTraffic =
  | { kind: 'upgrade'; connection: number; url: string; headers: IncomingHttpHeaders }
  | { kind: 'in' | 'out'; connection: number; text: string }

export interface SignallingOptions {
  maxMessageBytes?: number
  maxTopicsPerConnection?: number
  maxTopicLength?: number
  maxConnections?: number
  /** Connections one address may hold (default 64). */
  maxConnectionsPerAddress?: number
  /** Count the proxy's X-Forwarded-For entry as the address (behind nginx). */
  trustProxy?: boolean
  messagesPerSecond?: number
  burst?: number
  bytesPerSecond?: number
  byteBurst?: number
  /** Deeper JSON is dropped unparsed (default 32). */
  maxJsonDepth?: number
  maxBufferedBytes?: number
  heartbeatMs?: number
  onTraffic?: (event: SignallingTraffic) => void
}

export interface SignallingHub {
  handleUpgrade(request: import('node:http').IncomingMessage, socket: Duplex, head: Buffer): void
  topicCount(): number
  connectionCount(): number
  close(): Promise<void>
}

export function createSignallingHub(options?: SignallingOptions): SignallingHub
export function attachSignalling(server: Server, options?: SignallingOptions & { path?: string | null }): SignallingHub
export function startSignallingServer(
  options?: SignallingOptions & { host?: string; port?: number }
): Promise<{ url: string; hub: SignallingHub; close(): Promise<void> }>
