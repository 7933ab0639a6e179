import { decodeRelayFrame, RELAY_ERROR } from './relay-frames'
import {
  decodeRelayFileFrame,
  encodeFileGet,
  encodeFileHas,
  encodeFilePut,
  encodeFilesHello,
  FILE_PART_BYTES,
  filePartCount,
  MAX_FILE_SEALED_BYTES,
  type RelayFileFrame
} from './relay-file-frames'
import { makeRelayPacer } from './relay-pacer'
import type { RelaySocketFactory } from './relay-socket'

/**
 * One short connection to a relay for attachments only (FILES_HELLO, docs/relay-protocol.md,
 * "Files"): it asks which files the room holds, uploads parts and downloads files, one request
 * at a time, paced within the rates the relay announced. Nothing here knows keys or hashes; the
 * bytes are sealed before they come in and opened after they go out (relay-files.ts).
 *
 * Every wait is bounded: a relay that says nothing for `stallMs` while a request is open, or
 * breaks the protocol, ends the session, and every open request answers 'failed'.
 */
export type PutOutcome = { kind: 'stored' } | { kind: 'full'; message: string } | { kind: 'failed'; reason: string }
export type GetOutcome = { kind: 'sealed'; bytes: Uint8Array } | { kind: 'none' } | { kind: 'failed'; reason: string }

export interface RelayFileSession {
  /** For each id, whether the relay holds that file whole; null when the session failed. */
  has(ids: readonly Uint8Array[]): Promise<boolean[] | null>
  put(id: Uint8Array, sealed: Uint8Array): Promise<PutOutcome>
  get(id: Uint8Array): Promise<GetOutcome>
  close(): void
}

type Answer = { frame: RelayFileFrame } | { ack: number } | { error: { code: number; message: string } }

interface Waiting {
  ref: number
  onAnswer: (answer: Answer) => void
  onFail: (reason: string) => void
}

export const openRelayFileSession = (options: { url: string; token: Uint8Array; socket: RelaySocketFactory; stallMs: number }): RelayFileSession => {
  let failure: string | null = null
  let waiting: Waiting | null = null
  let nextRef = 1
  let stall: ReturnType<typeof setTimeout> | null = null
  let socket: ReturnType<RelaySocketFactory> | null = null
  let chain: Promise<unknown> = Promise.resolve()

  const pacer = makeRelayPacer({
    send: (frame) => {
      try {
        socket?.send(frame)
        return true
      } catch {
        return false
      }
    }
  })

  const end = (reason: string): void => {
    if (failure) return
    failure = reason
    if (stall) clearTimeout(stall)
    pacer.destroy()
    const open = waiting
    waiting = null
    open?.onFail(reason)
    welcomed.resolve(false)
    try {
      socket?.close()
    } catch {
      // Already closing.
    }
  }

  const armStall = (): void => {
    if (stall) clearTimeout(stall)
    stall = setTimeout(() => end('The relay did not answer in time.'), options.stallMs)
  }

  let markWelcomed: (ok: boolean) => void = () => {}
  const welcomed = { promise: new Promise<boolean>((resolve) => (markWelcomed = resolve)), resolve: (ok: boolean) => markWelcomed(ok) }

  const onFrame = (data: unknown): void => {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : null
    if (!bytes) return end('The relay sent something that is not a relay frame.')
    const file = decodeRelayFileFrame(bytes)
    let answer: Answer
    if (file && 'problem' in file) return end(`The relay sent a malformed file frame (${file.problem}).`)
    if (file?.type === 'files-welcome') {
      pacer.setRates(file.rates)
      if (stall) clearTimeout(stall)
      return welcomed.resolve(true)
    }
    if (file) answer = { frame: file }
    else {
      const decoded = decodeRelayFrame(bytes)
      if (!decoded.ok) return end('The relay sent a malformed frame.')
      const frame = decoded.frame
      if (frame.type === 'ack') answer = { ack: frame.seq }
      else if (frame.type === 'error') {
        if (frame.ref === 0 || frame.ref !== waiting?.ref) return end(frame.message || 'The relay refused this device.')
        answer = { error: { code: frame.code, message: frame.message } }
      } else return end('The relay sent a frame that does not belong to a files connection.')
      if (frame.type === 'ack' && frame.ref !== waiting?.ref) return end('The relay answered a request this device did not make.')
    }
    if ('frame' in answer && answer.frame.type !== 'files-welcome' && answer.frame.ref !== waiting?.ref) {
      return end('The relay answered a request this device did not make.')
    }
    armStall()
    waiting?.onAnswer(answer)
  }

  try {
    socket = options.socket(options.url)
    socket.binaryType = 'arraybuffer'
    socket.onopen = () => socket?.send(encodeFilesHello(options.token))
    socket.onmessage = (event) => onFrame(event.data)
    socket.onclose = () => end('The connection to the relay closed.')
    socket.onerror = () => end('The relay could not be reached.')
    armStall()
  } catch {
    end('The relay could not be reached.')
  }

  /** One request at a time: sends its frames paced, then hands every answer to its ref to
   * `onAnswer` until that returns a result. */
  const exchange = <T>(frames: (ref: number) => Uint8Array[], onAnswer: (answer: Answer, ref: number) => T | undefined, failed: (reason: string) => T): Promise<T> => {
    const result = chain.then(
      () =>
        new Promise<T>((resolve) => {
          void welcomed.promise.then((ok) => {
            if (!ok || failure) return resolve(failed(failure ?? 'The relay could not be reached.'))
            const ref = nextRef++
            waiting = {
              ref,
              onAnswer: (answer) => {
                const value = onAnswer(answer, ref)
                if (value === undefined) return
                waiting = null
                if (stall) clearTimeout(stall)
                resolve(value)
              },
              onFail: (reason) => resolve(failed(reason))
            }
            armStall()
            for (const frame of frames(ref)) pacer.enqueue(frame, () => {})
          })
        })
    )
    chain = result
    return result
  }

  const putPart = (id: Uint8Array, sealed: Uint8Array, part: number): Promise<PutOutcome> =>
    exchange<PutOutcome>(
      (ref) => [encodeFilePut(ref, id, sealed.length, part, sealed.subarray(part * FILE_PART_BYTES, (part + 1) * FILE_PART_BYTES))],
      (answer) => {
        if ('ack' in answer) return { kind: 'stored' }
        if ('error' in answer) return answer.error.code === RELAY_ERROR.full ? { kind: 'full', message: answer.error.message } : { kind: 'failed', reason: answer.error.message }
        return { kind: 'failed', reason: 'The relay answered a file upload with something else.' }
      },
      (reason) => ({ kind: 'failed', reason })
    )

  return {
    has: (ids) =>
      exchange<boolean[] | null>(
        (ref) => [encodeFileHas(ref, ids)],
        (answer) => ('frame' in answer && answer.frame.type === 'held' && answer.frame.held.length === ids.length ? answer.frame.held : null),
        () => null
      ),

    async put(id, sealed) {
      if (sealed.length > MAX_FILE_SEALED_BYTES) return { kind: 'failed', reason: 'The file is larger than the relay takes.' }
      for (let part = 0; part < filePartCount(sealed.length); part++) {
        const outcome = await putPart(id, sealed, part)
        if (outcome.kind !== 'stored') return outcome
      }
      return { kind: 'stored' }
    },

    get(id) {
      let buffer: Uint8Array | null = null
      let next = 0
      return exchange<GetOutcome>(
        (ref) => [encodeFileGet(ref, id)],
        (answer) => {
          if ('error' in answer) return { kind: 'failed', reason: answer.error.message }
          if ('ack' in answer || answer.frame.type === 'held' || answer.frame.type === 'files-welcome') return { kind: 'failed', reason: 'The relay answered a download with something else.' }
          if (answer.frame.type === 'none') return { kind: 'none' }
          const { total, part, slice } = answer.frame
          buffer ??= new Uint8Array(total)
          // Parts in order, of one size: anything else is a broken or hostile relay.
          if (total !== buffer.length || part !== next) return { kind: 'failed', reason: 'The relay sent a file’s parts out of order.' }
          buffer.set(slice, part * FILE_PART_BYTES)
          next += 1
          return next === filePartCount(total) ? { kind: 'sealed', bytes: buffer } : undefined
        },
        (reason) => ({ kind: 'failed', reason })
      )
    },

    close() {
      end('Closed.')
    }
  }
}
