import { expect } from 'vitest'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'

/** What y-webrtc does with a peer's sync message: read it, and answer when the protocol says so. */
export const answerAsYWebrtcDoes = (doc: Y.Doc, message: Uint8Array): Uint8Array | null => {
  const decoder = decoding.createDecoder(message)
  const reply = encoding.createEncoder()
  expect(decoding.readVarUint(decoder)).toBe(0)
  encoding.writeVarUint(reply, 0)
  syncProtocol.readSyncMessage(decoder, reply, doc, 'peer')
  return encoding.length(reply) > 1 ? encoding.toUint8Array(reply) : null
}
