import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { describe, expect, it, vi } from 'vitest'
import { checkRoomMessage } from '../../../src/sync/message-guard'

const message = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

const sampleDoc = (): Y.Doc => {
  const doc = new Y.Doc({ gc: false })
  doc.getMap('meta').set('name', 'Lab')
  doc.getXmlFragment('body').insert(0, [new Y.XmlText('Some text')])
  doc.getText('t').insert(0, 'typed, then partly deleted')
  doc.getText('t').delete(0, 7)
  return doc
}

const validMessages = (): Uint8Array[] => {
  const doc = sampleDoc()
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState({ user: { name: 'Asha' } })
  const all = [
    message((e) => {
      encoding.writeVarUint(e, 0)
      syncProtocol.writeSyncStep1(e, doc)
    }),
    message((e) => {
      encoding.writeVarUint(e, 0)
      syncProtocol.writeSyncStep2(e, doc)
    }),
    message((e) => {
      encoding.writeVarUint(e, 0)
      syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc))
    }),
    message((e) => {
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]))
    }),
    message((e) => encoding.writeVarUint(e, 3)),
    message((e) => {
      encoding.writeVarUint(e, 4)
      encoding.writeUint8(e, 1)
      encoding.writeVarString(e, 'peer-id')
    })
  ]
  awareness.destroy()
  return all
}

/** What y-webrtc does with a room message, minus the sending: may it throw? */
const applyAsYWebrtc = (bytes: Uint8Array): void => {
  const doc = sampleDoc()
  const awareness = new awarenessProtocol.Awareness(doc)
  try {
    const decoder = decoding.createDecoder(bytes)
    switch (decoding.readVarUint(decoder)) {
      case 0:
        syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'peer')
        break
      case 1:
        awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'peer')
        break
      case 4:
        decoding.readUint8(decoder)
        decoding.readVarString(decoder)
        break
    }
  } finally {
    awareness.destroy()
  }
}

const random = (seed: number) => () => {
  seed = (seed * 1664525 + 1013904223) >>> 0
  return seed / 2 ** 32
}

describe('room message guard', () => {
  it('accepts every kind of message y-webrtc sends', () => {
    expect(validMessages().map(checkRoomMessage)).toEqual([
      'sync-step-1',
      'sync-step-2',
      'sync-update',
      'awareness',
      'awareness-query',
      'bc-peer-id'
    ])
  })

  it('refuses empty, truncated, padded and unknown messages and non-bytes', () => {
    for (const valid of validMessages()) {
      if (valid.length > 1) expect(checkRoomMessage(valid.slice(0, valid.length - 1))).toBeNull()
      const padded = new Uint8Array(valid.length + 1)
      padded.set(valid)
      expect(checkRoomMessage(padded)).toBeNull()
    }
    expect(checkRoomMessage(new Uint8Array())).toBeNull()
    expect(checkRoomMessage(new Uint8Array([2]))).toBeNull()
    expect(checkRoomMessage(new Uint8Array([0, 7, 0]))).toBeNull()
    expect(checkRoomMessage(new Uint8Array([0, 2, 0]))).toBeNull()
    expect(checkRoomMessage('hello')).toBeNull()
    expect(checkRoomMessage(null)).toBeNull()
    const badJson = message((e) => {
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint8Array(
        e,
        message((inner) => {
          encoding.writeVarUint(inner, 1)
          encoding.writeVarUint(inner, 42)
          encoding.writeVarUint(inner, 1)
          encoding.writeVarString(inner, '{"user": ')
        })
      )
    })
    expect(checkRoomMessage(badJson)).toBeNull()
  })

  it('lets nothing through that would make y-webrtc throw (2,000 random and 2,000 mutated messages)', () => {
    // y-protocols logs (and swallows) updates that decode but do not integrate; keep the output clean.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const next = random(20260101)
    const valid = validMessages()
    let accepted = 0
    for (let i = 0; i < 4000; i++) {
      let bytes: Uint8Array
      if (i < 2000) {
        bytes = Uint8Array.from({ length: 1 + Math.floor(next() * 64) }, () => Math.floor(next() * 256))
        if (next() < 0.5) bytes[0] = Math.floor(next() * 5)
      } else {
        bytes = (valid[i % valid.length] as Uint8Array).slice()
        const flips = 1 + Math.floor(next() * 3)
        for (let f = 0; f < flips; f++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256)
      }
      if (checkRoomMessage(bytes) === null) continue
      accepted++
      expect(() => applyAsYWebrtc(bytes), `seed message ${i}: ${Buffer.from(bytes).toString('hex')}`).not.toThrow()
    }
    // Some mutations stay valid (a changed character in a string): the property was exercised.
    expect(accepted).toBeGreaterThan(0)
    logged.mockRestore()
  })
})
