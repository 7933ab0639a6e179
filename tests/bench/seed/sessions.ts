import * as Y from 'yjs'
import { encodeDeleteSet } from '../../../src/crdt/authorship'
import type { Actor } from '../../../src/domain/artifact'
import type { Profile } from '../../../src/domain/profile'
import { automaticVersionName, localDay } from '../../../src/domain/version'
import { recordMember } from '../../../src/crdt/members'
import { createVersion, VERSIONING } from '../../../src/crdt/versions'
import { ROOT } from '../../../src/crdt/keys'
import { makeArtifactId } from '../../../src/domain/ids'
import type { Random } from './random'

/** Someone in the lab, with the member id their device's profile gives them. */
export interface Person {
  memberId: string
  profile: Profile
  actor: Actor
}

/** What a session's edits see: who is working, and a clock that moves as they type. */
export interface SessionContext {
  doc: Y.Doc
  person: Person
  random: Random
  now(): number
  /** Advances the clock by a few seconds: one keystroke burst. */
  tick(): void
}

/** One sitting of one person on one artifact, at a moment of the lab's timeline. */
export interface ScheduledSession {
  at: number
  person: Person
  run(context: SessionContext): void
}

export interface ScheduleTally {
  sessions: number
  clientIds: number
  versions: number
}

/**
 * Replays sessions in time order the way the app would record them: every session is a page
 * load, so it gets a new Yjs client id; opening the workspace records the member; and the
 * first edit of each day stores an automatic version first (as crdt/daily-versions does).
 */
export const runSchedule = (doc: Y.Doc, random: Random, sessions: readonly ScheduledSession[], versions = true): ScheduleTally => {
  const ordered = [...sessions].sort((a, b) => a.at - b.at)
  const tally: ScheduleTally = { sessions: 0, clientIds: 0, versions: 0 }
  const clientIds = new Set<number>()
  const authorship = makeAuthorshipRecorder(doc)
  let lastVersionDay = ''
  for (const session of ordered) {
    let clock = session.at
    // A fresh page load: Yjs picks a new random client id for the new Y.Doc instance.
    doc.clientID = random.uint32()
    clientIds.add(doc.clientID)
    recordMember(doc, session.person.memberId, session.person.profile, clock)
    authorship.start(session.person.memberId)
    if (localDay(clock) !== lastVersionDay) {
      lastVersionDay = localDay(clock)
      // Without versions, the id a version would have taken is still drawn, so every later
      // random choice, and so the content, is the same as with them.
      if (versions) {
        createVersion(doc, { name: automaticVersionName('first-edit-of-day', clock), kind: 'first-edit-of-day' }, session.person.actor, clock, VERSIONING)
        tally.versions += 1
      } else makeArtifactId()
    }
    session.run({
      doc,
      person: session.person,
      random,
      now: () => clock,
      tick: () => {
        clock += 1000 + random.int(6000)
      }
    })
    authorship.flush()
    tally.sessions += 1
  }
  authorship.stop()
  tally.clientIds = clientIds.size
  return tally
}

/**
 * Writes what crdt/authorship's attachAuthorship (Y.PermanentUserData) writes during each
 * page load: the member's new client id, then one encoded delete set per local transaction
 * that deleted something. PermanentUserData itself cannot be used here: it never removes its
 * listener, and one doc replaying hundreds of page loads would collect hundreds of them.
 */
const makeAuthorshipRecorder = (doc: Y.Doc) => {
  const users = doc.getMap<Y.Map<unknown>>(ROOT.users)
  let member: string | null = null
  let pending: Uint8Array[] = []
  const onAfterTransaction = (transaction: Y.Transaction): void => {
    if (member && transaction.local && transaction.deleteSet.clients.size > 0) pending.push(encodeDeleteSet(transaction.deleteSet))
  }
  doc.on('afterTransaction', onAfterTransaction)
  const userOf = (memberId: string): Y.Map<unknown> => {
    let user = users.get(memberId)
    if (!user) {
      user = new Y.Map<unknown>()
      user.set('ids', new Y.Array<number>())
      user.set('ds', new Y.Array<Uint8Array>())
      users.set(memberId, user)
    }
    return user
  }
  return {
    start(memberId: string): void {
      member = memberId
      ;(userOf(memberId).get('ids') as Y.Array<number>).push([doc.clientID])
    },
    flush(): void {
      if (!member || pending.length === 0) return
      const batch = pending
      pending = []
      ;(userOf(member).get('ds') as Y.Array<Uint8Array>).push(batch)
    },
    stop(): void {
      doc.off('afterTransaction', onAfterTransaction)
    }
  }
}

const DAY_MS = 24 * 60 * 60 * 1000

/** A working-hours moment `day` days after `start` (weekends moved to the Monday). */
export const workingMoment = (random: Random, start: number, day: number): number => {
  const date = new Date(start + Math.floor(day) * DAY_MS)
  const weekday = date.getUTCDay()
  const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0
  return date.getTime() + shift * DAY_MS + random.between(0, 8 * 60) * 60_000
}
