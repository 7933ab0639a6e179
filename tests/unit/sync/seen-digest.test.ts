/**
 * "Has another device seen my changes?" between two devices that keep changing, or that
 * answer each other and leave: the cases that left the owner of a workspace waiting for ever
 * before moving to a re-key's new key (members-remove over WebRTC, CI of stop 24).
 */
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startSeenDigest, type SeenDigest } from '../../../src/sync/seen-digest'
import { covers, trackState, type StateSummary } from '../../../src/sync/state-summary'

interface Device {
  doc: Y.Doc
  awareness: Awareness
  seen: SeenDigest
  summary(): StateSummary
}

const started: Device[] = []
afterEach(() => {
  for (const device of started.splice(0)) {
    device.seen.destroy()
    device.awareness.destroy()
  }
})

const device = (name: string): Device => {
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  const tracker = trackState(doc, () => {}, (task) => task())
  awareness.setLocalState({ user: { name, color: '#1d4ed8', organisation: 'Leeds City Council', memberId: name.repeat(32).slice(0, 32) }, device: `device-${name}` })
  const seen = startSeenDigest({
    doc,
    awareness,
    deviceId: `device-${name}`,
    tracker: () => tracker,
    publish: (digest) => awareness.setLocalStateField('seen', digest),
    acknowledged: null,
    lastSyncedAt: null,
    onChange: () => {}
  })
  const made = { doc, awareness, seen, summary: () => tracker.summary() as StateSummary }
  started.push(made)
  return made
}

/** What `from` says in presence reaches `to` (as y-webrtc carries it), and `to` looks. */
const tell = (from: Device, to: Device): void => {
  applyAwarenessUpdate(to.awareness, encodeAwarenessUpdate(from.awareness, [from.doc.clientID]), 'remote')
  to.seen.check()
}

/** `from` leaves the room: `to` no longer has its presence. */
const leave = (from: Device, to: Device): void => {
  to.awareness.states.delete(from.doc.clientID)
  to.awareness.meta.delete(from.doc.clientID)
}

const sendDoc = (from: Device, to: Device): void => Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)))

const write = (at: Device, text: string): void => at.doc.getText('t').insert(0, text)

describe('another device holding this device\'s state', () => {
  it('is seen when it reports a state this device had, though this device wrote on after it', () => {
    const asha = device('a')
    const ben = device('b')
    write(asha, 're-key')
    const target = asha.summary()
    asha.seen.publishNow()
    // Asha writes on (an invitation) before Ben's answer comes; Ben holds the re-key only.
    sendDoc(asha, ben)
    write(asha, 'invitation')
    asha.seen.publishNow()
    ben.seen.publishNow()
    tell(ben, asha)
    expect(covers(asha.seen.acknowledged(), target)).toBe(true)
    // What Ben confirmed is the re-key, not the invitation he does not have.
    expect(covers(asha.seen.acknowledged(), asha.summary())).toBe(false)
  })

  it('is seen when the answer comes before this device has published its own state', () => {
    const asha = device('a')
    const ben = device('b')
    asha.seen.publishNow()
    write(asha, 're-key')
    const target = asha.summary()
    sendDoc(asha, ben)
    // Ben has the re-key and says so, then leaves as soon as Asha's (older) digest would have
    // answered him; Asha has not published since writing it.
    ben.seen.publishNow()
    tell(ben, asha)
    leave(ben, asha)
    expect(covers(asha.seen.acknowledged(), target)).toBe(true)
  })

  it('is not seen from a device that holds less, nor from this device\'s own tabs', () => {
    const asha = device('a')
    const ben = device('b')
    write(asha, 'first')
    sendDoc(asha, ben)
    write(asha, 're-key')
    const target = asha.summary()
    asha.seen.publishNow()
    ben.seen.publishNow()
    tell(ben, asha)
    expect(covers(asha.seen.acknowledged(), target)).toBe(false)

    // A second tab of Asha's browser reports her state: still nobody else holds it.
    const tab = device('c')
    tab.awareness.setLocalStateField('device', 'device-a')
    sendDoc(asha, tab)
    tab.seen.publishNow()
    tell(tab, asha)
    expect(covers(asha.seen.acknowledged(), target)).toBe(false)
  })

  it('never goes back to an older state when a device that is behind reports it', () => {
    const asha = device('a')
    const ben = device('b')
    const cai = device('c')
    write(asha, 'first')
    sendDoc(asha, cai)
    cai.seen.publishNow()
    write(asha, 'second')
    sendDoc(asha, ben)
    ben.seen.publishNow()
    asha.seen.publishNow()
    tell(ben, asha)
    const confirmed = asha.seen.acknowledged()
    expect(covers(confirmed, asha.summary())).toBe(true)
    tell(cai, asha)
    expect(asha.seen.acknowledged()).toBe(confirmed)
  })
})
