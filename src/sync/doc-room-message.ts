import * as encoding from 'lib0/encoding'
import { DocKeySchema, WORKSPACE_DOC_KEY } from '../domain/doc-key'
import type { ArtifactId } from '../domain/ids'

/**
 * An artifact document's message inside a y-webrtc room (docs/artifact-documents.md, "Wire").
 * The workspace document's messages stay exactly as they are (y-webrtc's own, and the signed
 * ones of trust-room-message.ts), so devices of every version keep syncing it. An artifact
 * document's are wrapped in a type of their own, which y-webrtc never sees
 * (y-webrtc-hardening.ts hands them to document-room.ts):
 *
 * ```
 * byte 0       DOC_MESSAGE (78)
 * byte 1       layout version (1)
 * bytes 2–33   the docKey: the artifact's id, 32 lowercase hexadecimal characters
 * then         the document's message: a y-protocols sync message (0 · step · bytes) or a
 *              signed one (trust-room-message.ts: a change, a state or a refusal)
 * ```
 * A device from before the split refuses these as malformed (counted, never thrown), and goes
 * on syncing the workspace document.
 */
export const DOC_MESSAGE = 78
export const DOC_MESSAGE_VERSION = 1
const KEY_BYTES = 32
export const DOC_MESSAGE_HEADER_BYTES = 2 + KEY_BYTES

export const isDocMessage = (message: Uint8Array): boolean => message[0] === DOC_MESSAGE

export const encodeDocMessage = (key: ArtifactId, message: Uint8Array): Uint8Array => {
  const out = new Uint8Array(DOC_MESSAGE_HEADER_BYTES + message.length)
  out[0] = DOC_MESSAGE
  out[1] = DOC_MESSAGE_VERSION
  out.set(new TextEncoder().encode(key), 2)
  out.set(message, DOC_MESSAGE_HEADER_BYTES)
  return out
}

/**
 * The docKey and the document's own message, when the layout holds (an artifact id, a known
 * version, a message inside that is not itself wrapped); null otherwise. The message inside
 * is checked by the caller (message-guard.ts).
 */
export const docMessageParts = (message: Uint8Array): { key: ArtifactId; message: Uint8Array } | null => {
  if (message.length <= DOC_MESSAGE_HEADER_BYTES || message[0] !== DOC_MESSAGE || message[1] !== DOC_MESSAGE_VERSION) return null
  let key = ''
  for (let i = 2; i < DOC_MESSAGE_HEADER_BYTES; i++) key += String.fromCharCode(message[i] as number)
  const parsed = DocKeySchema.safeParse(key)
  if (!parsed.success || parsed.data === WORKSPACE_DOC_KEY) return null
  const inner = message.subarray(DOC_MESSAGE_HEADER_BYTES)
  return inner[0] === DOC_MESSAGE ? null : { key: parsed.data, message: inner }
}

/** y-webrtc's sync message type, and y-protocols' steps (y-protocols/sync). */
const SYNC = 0
export type SyncStep = 0 | 1 | 2

/** A y-protocols sync message: step 0 carries a state vector, 1 (a state) and 2 (a change) an update. */
export const syncMessage = (step: SyncStep, payload: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, SYNC)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}
