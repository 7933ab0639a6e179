import * as Y from 'yjs'
import type { Actor } from '../domain/artifact'
import { automaticVersionName, localDay } from '../domain/version'
import { isPersonEdit } from './person-edits'
import { needsDailyVersion, storeVersion, VERSIONING } from './versions'

/**
 * Takes an automatic version before the first local edit of each day (typing in a text
 * included, person-edits.ts), so yesterday's state can always be found again. The snapshot is captured as the edit's transaction begins (the
 * state before it) and stored right after, in a bookkeeping transaction of its own.
 * Returns a function that stops it.
 */
export const keepDailyVersions = (doc: Y.Doc, actor: () => Actor | null, now: () => number = Date.now): (() => void) => {
  let pending: { snapshot: Y.Snapshot; at: number } | null = null
  // The day already known to have its version: every keystroke is a transaction, so the
  // version list is read once per day, not once per edit.
  let coveredDay: string | null = null
  const before = (transaction: Y.Transaction): void => {
    if (!isPersonEdit(transaction) || pending) return
    const at = now()
    const day = localDay(at)
    if (day === coveredDay) return
    if (needsDailyVersion(doc, at)) pending = { snapshot: Y.snapshot(doc), at }
    else coveredDay = day
  }
  const after = (transaction: Y.Transaction): void => {
    if (!isPersonEdit(transaction) || !pending) return
    const captured = pending
    const who = actor()
    queueMicrotask(() => {
      pending = null
      if (!who || !needsDailyVersion(doc, captured.at)) return
      doc.transact(() => {
        storeVersion(doc, {
          name: automaticVersionName('first-edit-of-day', captured.at),
          kind: 'first-edit-of-day',
          createdAt: captured.at,
          createdBy: who,
          snapshot: captured.snapshot
        })
      }, VERSIONING)
    })
  }
  doc.on('beforeTransaction', before)
  doc.on('afterTransaction', after)
  return () => {
    doc.off('beforeTransaction', before)
    doc.off('afterTransaction', after)
  }
}
