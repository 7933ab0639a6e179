/**
 * Paces what this device sends to a relay within the rates the relay said it accepts (WELCOME,
 * docs/relay-protocol.md). A relay cuts off a connection that sends faster (ERROR 4), and a
 * device uploading a whole lab would otherwise send every part at once, be cut off, reconnect
 * and send it all again, for ever. Frames wait here, in order, until both token buckets (frames
 * and bytes) hold enough; the buckets fill at a share of the relay's rates, leaving room for
 * presence and for the two clocks not agreeing exactly.
 */
export interface RelayRates {
  framesPerSecond: number
  frameBurst: number
  bytesPerSecond: number
  byteBurst: number
}

/** The share of the relay's rates this device uses. */
export const PACE_SHARE = 0.75
/** Each ERROR 4 halves the pace, down to this fraction of the share. */
const SLOWEST = 1 / 16

/** Until WELCOME says otherwise: the relay protocol's documented defaults. */
export const DEFAULT_RELAY_RATES: RelayRates = {
  framesPerSecond: 100,
  frameBurst: 400,
  bytesPerSecond: 8 * 1024 * 1024,
  byteBurst: 72 * 1024 * 1024
}

export interface RelayPacer {
  /** The relay's rates (from WELCOME); the buckets start full at the new sizes. */
  setRates(rates: RelayRates): void
  /** The relay still found this device too fast (ERROR 4): halve the pace from now on. */
  slowDown(): void
  /** The largest frame that fits one burst at this pace. */
  largestBurstBytes(): number
  /** Sends `frame` once the rates allow, after everything queued before it; then calls onSent. */
  enqueue(frame: Uint8Array, onSent: () => void): void
  /** Frames still waiting. */
  waiting(): number
  /** Forgets every waiting frame (the socket is gone; they are sent again after reconnecting). */
  clear(): void
  destroy(): void
}

interface Bucket {
  tokens: number
  capacity: number
  perMs: number
}

const refill = (bucket: Bucket, elapsedMs: number): void => {
  bucket.tokens = Math.min(bucket.capacity, bucket.tokens + elapsedMs * bucket.perMs)
}

/** Whether `need` can be taken now: a need over capacity passes only from a full bucket. */
const fits = (bucket: Bucket, need: number): boolean => bucket.tokens >= Math.min(need, bucket.capacity)

const waitFor = (bucket: Bucket, need: number): number => Math.max(0, (Math.min(need, bucket.capacity) - bucket.tokens) / bucket.perMs)

export const makeRelayPacer = (options: { send: (frame: Uint8Array) => boolean; now?: () => number }): RelayPacer => {
  const now = options.now ?? (() => performance.now())
  let rates = DEFAULT_RELAY_RATES
  let pace = 1
  const frames: Bucket = { tokens: 0, capacity: 0, perMs: 0 }
  const bytes: Bucket = { tokens: 0, capacity: 0, perMs: 0 }
  let lastRefill = now()
  const queue: { frame: Uint8Array; onSent: () => void }[] = []
  let timer: ReturnType<typeof setTimeout> | null = null

  const size = (fill: boolean): void => {
    const share = PACE_SHARE * pace
    frames.capacity = Math.max(1, rates.frameBurst * share)
    frames.perMs = Math.max(1e-6, (rates.framesPerSecond * share) / 1000)
    bytes.capacity = Math.max(1, rates.byteBurst * share)
    bytes.perMs = Math.max(1e-6, (rates.bytesPerSecond * share) / 1000)
    if (fill) {
      frames.tokens = frames.capacity
      bytes.tokens = bytes.capacity
    } else {
      frames.tokens = Math.min(frames.tokens, frames.capacity)
      bytes.tokens = Math.min(bytes.tokens, bytes.capacity)
    }
  }
  size(true)

  const drain = (): void => {
    timer = null
    const at = now()
    refill(frames, at - lastRefill)
    refill(bytes, at - lastRefill)
    lastRefill = at
    while (queue.length > 0) {
      const next = queue[0] as { frame: Uint8Array; onSent: () => void }
      if (!fits(frames, 1) || !fits(bytes, next.frame.length)) {
        timer = setTimeout(drain, Math.ceil(Math.max(waitFor(frames, 1), waitFor(bytes, next.frame.length))) + 1)
        return
      }
      queue.shift()
      // A frame bigger than a burst leaves the bucket below zero: what follows waits for it.
      frames.tokens -= 1
      bytes.tokens -= next.frame.length
      if (!options.send(next.frame)) {
        queue.length = 0
        return
      }
      next.onSent()
    }
  }

  return {
    setRates(next) {
      rates = next
      size(true)
      lastRefill = now()
    },
    slowDown() {
      pace = Math.max(SLOWEST, pace / 2)
      size(false)
    },
    largestBurstBytes: () => Math.floor(bytes.capacity),
    enqueue(frame, onSent) {
      queue.push({ frame, onSent })
      if (!timer) drain()
    },
    waiting: () => queue.length,
    clear() {
      queue.length = 0
      if (timer) clearTimeout(timer)
      timer = null
    },
    destroy() {
      this.clear()
    }
  }
}
