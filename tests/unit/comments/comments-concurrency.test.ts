import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { artifactBody } from '../../../src/crdt/artifacts'
import {
  addComment,
  makeTextAnchor,
  readCommentAnchors,
  readCommentThreads,
  replyToComment,
  resolveCommentAnchor,
  setCommentResolved
} from '../../../src/crdt/comments'
import { createReport } from '../../../src/crdt/report-sections'
import type { ArtifactId } from '../../../src/domain/ids'
import { findReportTemplate } from '../../../src/domain/templates/report-templates'
import { makePeerNetwork } from '../../fuzz/in-memory-peers'
import { fuzzSeeds, makeRandom } from '../../fuzz/seeded-random'
import { asha, ben, copyOf, exchange, newWorkspace } from '../notes/fixtures'

const SENTENCE = 'Residents said the food hub on Market Street is the place they trust most.'
const COMMENTED = 'food hub on Market Street'

/** A report whose first paragraph holds SENTENCE, the commented part marked so tests can find it. */
const setUp = () => {
  const doc = newWorkspace()
  const id = createReport(doc, { title: 'Report', template: findReportTemplate('ccin-lab-report')! }, asha, 1)
  const body = artifactBody(doc, id)!
  const paragraph = body.get(1) as Y.XmlElement // the paragraph under "Summary"
  const text = new Y.XmlText()
  const from = SENTENCE.indexOf(COMMENTED)
  doc.transact(() => {
    paragraph.insert(0, [text])
    text.insert(0, SENTENCE.slice(0, from))
    // The commented characters carry a marker so the test knows which ones they are.
    text.insert(from, COMMENTED, { marked: true })
    text.insert(from + COMMENTED.length, SENTENCE.slice(from + COMMENTED.length), {})
  })
  const result = addComment(
    doc,
    id,
    {
      anchor: makeTextAnchor({ type: text, index: from }, { type: text, index: from + COMMENTED.length }),
      quote: COMMENTED,
      body: 'Which hub? There are two on Market Street.'
    },
    asha,
    2
  )
  if (!result.ok) throw new Error(result.message)
  return { doc, id, threadId: result.value }
}

const textOf = (doc: Y.Doc, id: ArtifactId): Y.XmlText => (artifactBody(doc, id)!.get(1) as Y.XmlElement).get(0) as Y.XmlText

/** The paragraph as a list of characters, each knowing whether it was one of the commented ones. */
const characters = (text: Y.XmlText): { char: string; marked: boolean }[] =>
  (text.toDelta() as { insert: string; attributes?: { marked?: boolean } }[]).flatMap((op) =>
    [...op.insert].map((char) => ({ char, marked: op.attributes?.marked === true }))
  )

/** What the comment covers now: its text, or null if detached. */
const covered = (doc: Y.Doc, id: ArtifactId, threadId: string) => {
  const anchor = readCommentAnchors(doc, id).get(threadId)
  if (!anchor) throw new Error('anchor missing')
  const range = resolveCommentAnchor(doc, anchor)
  if (!range) return null
  expect(range.start.type).toBe(textOf(doc, id))
  expect(range.end.type).toBe(textOf(doc, id))
  return { from: range.start.index, to: range.end.index }
}

describe('comments', () => {
  it('starts a thread with the quoted text, takes replies in order, resolves and reopens', () => {
    const { doc, id, threadId } = setUp()
    expect(replyToComment(doc, id, threadId, 'The one by the bus station.', ben, 3)).toMatchObject({ ok: true })
    expect(replyToComment(doc, id, threadId, '   ', ben, 4)).toEqual({ ok: false, message: 'Write a comment first' })
    expect(replyToComment(doc, id, threadId, 'Thanks, fixed.', asha, 5)).toMatchObject({ ok: true })
    expect(setCommentResolved(doc, id, threadId, true, asha, 6)).toBe(true)
    const [thread] = readCommentThreads(doc, id)
    expect(thread).toMatchObject({
      id: threadId,
      quote: COMMENTED,
      body: 'Which hub? There are two on Market Street.',
      createdBy: asha,
      resolved: true,
      resolvedBy: asha,
      resolvedAt: 6
    })
    expect(thread!.replies.map((r) => [r.createdBy.name, r.body])).toEqual([
      ['Ben Okafor', 'The one by the bus station.'],
      ['Asha Patel', 'Thanks, fixed.']
    ])
    setCommentResolved(doc, id, threadId, false, ben, 7)
    expect(readCommentThreads(doc, id)[0]).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null })
  })

  it('refuses an empty comment and writes nothing', () => {
    const { doc, id } = setUp()
    const before = Y.encodeStateVector(doc)
    const text = textOf(doc, id)
    expect(
      addComment(doc, id, { anchor: makeTextAnchor({ type: text, index: 0 }, { type: text, index: 3 }), quote: 'Res', body: ' ' }, asha, 9)
    ).toMatchObject({ ok: false })
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('typing right before or right after the commented text stays outside the comment', () => {
    const { doc, id, threadId } = setUp()
    const text = textOf(doc, id)
    const from = SENTENCE.indexOf(COMMENTED)
    text.insert(from + COMMENTED.length, ' (new)', {})
    text.insert(from, 'old ', {})
    const range = covered(doc, id, threadId)!
    expect(text.toString().replace(/<\/?[^>]+>/g, '').slice(range.from, range.to)).toBe(COMMENTED)
  })

  it('a comment whose text is deleted is kept, detached, on every device', () => {
    const { doc: a, id, threadId } = setUp()
    const b = copyOf(a)
    const from = SENTENCE.indexOf(COMMENTED)
    textOf(b, id).delete(from - 4, COMMENTED.length + 8) // Ben deletes the phrase and a little around it
    textOf(a, id).insert(0, 'In March, ', {}) // while Asha edits elsewhere
    exchange(a, b)
    for (const doc of [a, b]) {
      expect(covered(doc, id, threadId)).toBeNull()
      expect(readCommentThreads(doc, id)).toHaveLength(1)
      expect(readCommentThreads(doc, id)[0]!.quote).toBe(COMMENTED)
    }
  })

  it('a comment in a paragraph that someone deletes whole is detached, not lost', () => {
    const { doc: a, id, threadId } = setUp()
    const b = copyOf(a)
    artifactBody(b, id)!.delete(1, 1)
    exchange(a, b)
    expect(covered(a, id, threadId)).toBeNull()
    expect(readCommentThreads(a, id).map((t) => t.id)).toEqual([threadId])
  })

  describe.each(fuzzSeeds(12))('under random concurrent edits delivered in random order (seed %i)', (seed) => {
    it('the anchor follows its text and both devices agree on it', () => {
      const random = makeRandom(seed)
      const { doc: a, id, threadId } = setUp()
      const b = copyOf(a)
      const docs = [a, b]
      const network = makePeerNetwork(docs, random)
      const words = ['new', 'local', 'really', 'Oldham', 'shop', ',', ' ']
      for (let step = 0; step < 60; step++) {
        const doc = random.pick(docs)
        const text = textOf(doc, id)
        const length = text.length
        if (length > 0 && random.chance(0.35)) {
          const at = random.int(length)
          text.delete(at, Math.min(length - at, 1 + random.int(4)))
        } else {
          text.insert(random.int(length + 1), `${random.pick(words)} `, {})
        }
        // Deliver some of what is queued, in a random order, sometimes nothing.
        for (let d = random.int(3); d > 0; d--) network.deliverOne()
      }
      network.settle()
      expect(textOf(a, id).toJSON()).toBe(textOf(b, id).toJSON())
      const chars = characters(textOf(a, id))
      const rangeA = covered(a, id, threadId)
      expect(covered(b, id, threadId)).toEqual(rangeA)
      const surviving = chars.map((c, i) => (c.marked ? i : -1)).filter((i) => i >= 0)
      if (surviving.length === 0) {
        // Every commented character was deleted: the thread is detached unless people typed
        // into the middle of it before deleting its ends, which it then covers.
        if (rangeA) expect(chars.slice(rangeA.from, rangeA.to).some((c) => c.marked)).toBe(false)
      } else {
        expect(rangeA, `seed ${seed}: surviving text lost its comment`).not.toBeNull()
        const { from, to } = rangeA!
        // Covers every surviving commented character...
        expect(from).toBeLessThanOrEqual(surviving[0]!)
        expect(to).toBeGreaterThan(surviving[surviving.length - 1]!)
        // ...and no text typed just outside it.
        if (from > 0) expect(chars[from - 1]!.marked).toBe(false)
        if (to < chars.length) expect(chars[to]!.marked).toBe(false)
        if (from < chars.length && !chars[from]!.marked) expect(surviving[0]!).toBeGreaterThan(from)
      }
      expect(readCommentThreads(a, id)).toEqual(readCommentThreads(b, id))
    })
  })
})
