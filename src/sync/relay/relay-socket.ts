/**
 * The part of a WebSocket the relay connection uses: the browser's, or in Node (tests and
 * benchmarks) the `ws` package's, which has the same shape.
 */
export interface RelaySocket {
  binaryType: string
  send(data: Uint8Array): void
  close(): void
  onopen: ((event: unknown) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
  onclose: ((event: unknown) => void) | null
  onerror: ((event: unknown) => void) | null
}

export type RelaySocketFactory = (url: string) => RelaySocket

export const browserSocket: RelaySocketFactory = (url) => {
  if (typeof WebSocket === 'undefined') throw new Error('No WebSocket here')
  return new WebSocket(url) as unknown as RelaySocket
}
