import type { IncomingMessage } from 'node:http'

export interface TokenBucket {
  take(cost?: number): boolean
}
export function makeTokenBucket(options: { perSecond: number; burst: number; now?: () => number }): TokenBucket

export interface AddressCounter {
  acquire(address: string): boolean
  release(address: string): void
  count(address: string): number
  addressCount(): number
}
export function makeAddressCounter(maxPerAddress: number): AddressCounter

export function remoteAddress(request: IncomingMessage, trustProxy?: boolean): string

export interface HttpServerGuard {
  openSockets(): number
  dispose(): void
}
export function guardHttpServer(
  server: import('node:http').Server,
  options?: { maxSockets?: number; upgradedPerAddress?: number; maxSocketsPerAddress?: number; headersTimeoutMs?: number; trustProxy?: boolean }
): HttpServerGuard
