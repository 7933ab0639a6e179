import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import { Observable } from 'lib0/observable'
import type { WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'
import { checkRoomMessage } from '../../../src/sync/message-guard'
import { makeReassembler, splitMessage } from '../../../src/sync/peer-chunks'
import {
  CHECK_OFF_THREAD_ABOVE_BYTES,
  MAX_LIVE_MESSAGE_BYTES,
  MAX_STATE_MESSAGE_BYTES,
  overBudget
} from '../../../src/sync/peer-message-budget'
import { admitRoomMessage } from '../../../src/sync/room-message-admission'
import { hardenProvider, type RejectedSource } from '../../../src/sync/y-webrtc-hardening'

/** A y-webrtc sync message (0) of the given step (1: a state, 2: an update) carrying a text of `chars` characters. */
const syncMessage = (step: 1 | 2, chars: number): Uint8Array => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'x'.repeat(chars))
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc))
  return encoding.toUint8Array(encoder)
}

/** One peer connection, hardened as the app hardens it, whose y-webrtc handler records what reaches it. */
const hardenedPeer = () => {
  const peer = Object.assign(new EventEmitter(), {
    initiator: true,
    send: (_data: Uint8Array) => {},
    _channel: null,
    _pc: null
  })
  const reachedYWebrtc: Uint8Array[] = []
  peer.on('data', (message: Uint8Array) => reachedYWebrtc.push(message))
  const conn = { peer, connected: true, destroy: () => {} }
  const provider = Object.assign(new Observable<string>(), {
    key: Promise.resolve(null),
    shouldConnect: true,
    maxConns: 8,
    signalingConns: [],
    peerOpts: {},
    room: { name: 'room', peerId: 'me', bcConns: new Set(), webrtcConns: new Map([['them', conn]]) }
  }) as unknown as WebrtcProvider
  const rejected: { source: RejectedSource; reason: string }[] = []
  const stop = hardenProvider(provider, 'room', (source, reason) => rejected.push({ source, reason }), () => {})
  provider.emit('peers', [{ added: ['them'], removed: [], webrtcPeers: ['them'], bcPeers: [] }])
  const receive = (message: Uint8Array): void => {
    for (const frame of splitMessage(message)) peer.emit('data', frame)
  }
  return { receive, reachedYWebrtc, rejected, stop }
}

/** Until every message already received has been dealt with (the checks keep arrival order). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

describe('what one peer message may carry', () => {
  it('a live update over its budget is refused before it is decoded; a whole state may be larger, up to its own', () => {
    expect(overBudget(syncMessage(2, 1_000))).toBeNull()
    const bigUpdate = syncMessage(2, MAX_LIVE_MESSAGE_BYTES + 1)
    expect(overBudget(bigUpdate)).toMatch(/over the 4 MB/)
    const joinState = syncMessage(1, MAX_LIVE_MESSAGE_BYTES + 1)
    expect(overBudget(joinState)).toBeNull()
    // The header says "state"; the size alone refuses it, whatever follows.
    const huge = new Uint8Array(MAX_STATE_MESSAGE_BYTES + 1)
    huge.set([0, 1])
    expect(overBudget(huge)).toMatch(/over the 32 MB/)
  })

  it('a peer cannot make this device put back together more than the largest message allowed', () => {
    const reassemble = makeReassembler()
    const frames = splitMessage(new Uint8Array(MAX_STATE_MESSAGE_BYTES + 1024), 1024 * 1024)
    const last = frames.map((frame) => reassemble(frame)).at(-1)
    // Kinds and lengths only: a failure must not print megabytes.
    expect(last?.kind).toBe('dropped')
    expect(last?.kind === 'dropped' && last.reason).toBe(`a message over ${MAX_STATE_MESSAGE_BYTES} bytes`)
  })

  it('checks a large message off the page when it can, a small one at once, and refuses what fails either way', async () => {
    const checked: number[] = []
    const offThread = async (message: Uint8Array) => {
      checked.push(message.length)
      const kind = checkRoomMessage(message)
      return kind ? { ok: true as const, kind } : { ok: false as const, problem: 'unreadable' as const }
    }
    const small = syncMessage(2, 1_000)
    const large = syncMessage(1, CHECK_OFF_THREAD_ABOVE_BYTES + 1)
    expect(await admitRoomMessage(small, offThread)).toEqual({ ok: true, kind: 'sync-update' })
    expect(await admitRoomMessage(large, offThread)).toEqual({ ok: true, kind: 'sync-step-2' })
    expect(checked).toEqual([large.length])
    const broken = large.slice(0, large.length - 1)
    expect(await admitRoomMessage(broken, offThread)).toEqual({ ok: false, reason: 'a malformed message' })
    const tooSlow = async () => ({ ok: false as const, problem: 'too-slow' as const })
    expect(await admitRoomMessage(large, tooSlow)).toEqual({ ok: false, reason: 'a message that took too long to check' })
  })

  it('a peer sending an update over the budget is refused through the existing reporting, and nothing reaches y-webrtc', async () => {
    const { receive, reachedYWebrtc, rejected, stop } = hardenedPeer()
    // Before, anything up to 96 MB that decoded went through (and was decoded twice on the page).
    receive(syncMessage(2, MAX_LIVE_MESSAGE_BYTES + 1))
    await settle()
    expect(reachedYWebrtc.length).toBe(0)
    expect(rejected.length).toBe(1)
    expect(rejected[0]?.source).toBe('peer')
    expect(rejected[0]?.reason).toMatch(/over the 4 MB one message may carry/)
    // A state as large as a six-month lab's, and an everyday edit, still arrive.
    const state = syncMessage(1, 4_500_000)
    // Compared with itself: another message of the same text has another random client id,
    // whose varint may be a byte shorter or longer.
    const edit = syncMessage(2, 100)
    receive(state)
    receive(edit)
    await settle()
    expect(reachedYWebrtc.map((m) => m.length)).toEqual([state.length, edit.length])
    expect(rejected.length).toBe(1)
    stop()
  })
})
