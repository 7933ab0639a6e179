import * as Y from 'yjs'
import { firstItemOf } from './adapters/yjs-internals'

/** A change between two versions, and the member who made it (null when unknown). */
export interface Change {
  kind: 'added' | 'removed'
  memberId: string | null
}

export interface CompareSegment {
  text: string
  marks: string[]
  change: Change | null
}

/** One block of rich text (paragraph, heading, list item…) with its text and child blocks. */
export interface CompareBlock {
  type: string
  attributes: Record<string, unknown>
  change: Change | null
  segments: CompareSegment[]
  children: CompareBlock[]
}

type Attribution = (kind: Change['kind'], id: Y.ID) => Change

/** Whether an item existed, undeleted, in a snapshot (Yjs keeps this check internal). */
const visibleIn = (item: Y.Item, snapshot: Y.Snapshot): boolean =>
  (snapshot.sv.get(item.id.client) ?? 0) > item.id.clock && !Y.isDeleted(snapshot.ds, item.id)

/** Whether two changes are the same kind by the same person. */
export const sameChange = (a: Change | null, b: Change | null): boolean =>
  a === b || (a !== null && b !== null && a.kind === b.kind && a.memberId === b.memberId)

/**
 * Yjs gives each stored piece of text its own change, so a word typed in two goes ("f", then
 * "irst") and deleted at once reads as two removals. Neighbours with the same marks and the
 * same change by the same person are one run.
 */
const joinRuns = (segments: CompareSegment[]): CompareSegment[] => {
  const joined: CompareSegment[] = []
  for (const segment of segments) {
    const last = joined.at(-1)
    if (last && sameChange(last.change, segment.change) && last.marks.join() === segment.marks.join()) last.text += segment.text
    else joined.push({ ...segment })
  }
  return joined
}

const segmentsOf = (text: Y.XmlText, next: Y.Snapshot, prev: Y.Snapshot, attribute: Attribution): CompareSegment[] => {
  // Yjs renders text between two snapshots with `ychange` attributes on inserted and removed runs.
  const delta = text.toDelta(next, prev, attribute) as { insert: unknown; attributes?: Record<string, unknown> }[]
  return joinRuns(
    delta
      .filter((op): op is { insert: string; attributes?: Record<string, unknown> } => typeof op.insert === 'string')
      .map((op) => {
        const { ychange, ...marks } = op.attributes ?? {}
        return { text: op.insert, marks: Object.keys(marks).sort(), change: (ychange as Change | undefined) ?? null }
      })
  )
}

const blocksOf = (parent: Y.XmlFragment, next: Y.Snapshot, prev: Y.Snapshot, attribute: Attribution): CompareBlock[] => {
  const blocks: CompareBlock[] = []
  for (let item = firstItemOf(parent); item; item = item.right) {
    if (!(item.content instanceof Y.ContentType)) continue
    const inNext = visibleIn(item, next)
    const inPrev = visibleIn(item, prev)
    if (!inNext && !inPrev) continue
    const change = inNext && !inPrev ? attribute('added', item.id) : !inNext && inPrev ? attribute('removed', item.id) : null
    const type = item.content.type
    if (type instanceof Y.XmlElement) {
      const textChildren: CompareSegment[] = []
      const elementChildren: CompareBlock[] = []
      for (let child = firstItemOf(type); child; child = child.right) {
        if (!(child.content instanceof Y.ContentType)) continue
        if (child.content.type instanceof Y.XmlText) textChildren.push(...segmentsOf(child.content.type, next, prev, attribute))
      }
      elementChildren.push(...blocksOf(type, next, prev, attribute))
      blocks.push({
        type: type.nodeName,
        // A removed block's attributes (a photo's alt text, a heading's level) as they were before.
        attributes: type.getAttributes(inNext ? next : prev) as Record<string, unknown>,
        change,
        segments: textChildren,
        children: elementChildren
      })
    }
  }
  return blocks
}

/**
 * The rich text of a fragment as it is in `next`, with what changed since `prev` marked and
 * attributed: inserted and removed blocks and runs of text, each with who did it. Pass the
 * same snapshot twice to render a version as it was. Needs a doc with `gc: false`.
 */
export const compareFragment = (
  fragment: Y.XmlFragment,
  prev: Y.Snapshot,
  next: Y.Snapshot,
  authorship: Y.PermanentUserData
): CompareBlock[] => {
  const attribute: Attribution = (kind, id) => ({
    kind,
    memberId: (kind === 'added' ? authorship.getUserByClientId(id.client) : authorship.getUserByDeletedId(id)) ?? null
  })
  return blocksOf(fragment, next, prev, attribute)
}
