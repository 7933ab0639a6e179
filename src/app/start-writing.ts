import type * as Y from 'yjs'
import { attachAuthorshipLater } from '../crdt/authorship'
import { keepDailyVersions } from '../crdt/daily-versions'
import { recordMember } from '../crdt/members'
import { whenIdle } from '../domain/when-idle'
import type { Member } from './member'

/** How authorship waits for a quiet moment; the browser's idle time by default. */
export type Later = (task: () => void) => () => void

const whenBrowserIdle: Later = (task) => whenIdle(task, 3000)

/**
 * What this device writes into a workspace it may change: the member's record, authorship (so
 * history can name who changed what) and each day's first version. Returns a function that
 * stops the last two.
 */
export const startWriting = (doc: Y.Doc, me: Member, later: Later = whenBrowserIdle): (() => void) => {
  recordMember(doc, me.id, me, Date.now())
  // Decoding the authorship records costs tens of ms in a big workspace: when idle.
  const stopAuthorship = attachAuthorshipLater(doc, me.id, later)
  const stopDailyVersions = keepDailyVersions(doc, () => ({ name: me.name, organisation: me.organisation }))
  return () => {
    stopAuthorship()
    stopDailyVersions()
  }
}
