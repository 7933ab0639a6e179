import * as Y from 'yjs'

/**
 * Makes a live rich text (a Y.XmlFragment, or an element in it) read like an old copy of it,
 * changing only what differs. Blocks that are the same in both are kept as they are; a block
 * changed since is brought back in place (its attributes, children and characters), and only
 * the characters that differ are deleted or inserted.
 *
 * So restoring a version is a small change like any other edit: comments on text the restore
 * leaves as it was stay on it (their anchors name characters that are still there), others'
 * carets stay where they were, the history shows what the restore really changed, and a
 * colleague's concurrent edit to a paragraph the restore does not touch is kept. (Replacing the
 * whole text with a copy, as before, detached every comment in it.)
 *
 * Call inside a transaction on the live doc.
 */
export const restoreXmlChildren = (target: Y.XmlFragment, old: Y.XmlFragment): void => {
  // A rich text holds elements and texts only (the editor writes no Y.XmlHook).
  const now = target.toArray() as XmlNode[]
  const then = old.toArray() as XmlNode[]
  const nowKeys = now.map(keyOf)
  const thenKeys = then.map(keyOf)
  const runs = unmatchedRuns(nowKeys, thenKeys)
  // From the end backwards, so that the indices of the runs still to do stay as they were.
  for (const run of runs.reverse()) {
    const paired = Math.min(run.nowCount, run.thenCount)
    for (let j = 0; j < paired; j++) {
      const current = now[run.nowStart + j]!
      const wanted = then[run.thenStart + j]!
      if (!restoreNode(current, wanted)) {
        target.delete(run.nowStart + j, 1)
        target.insert(run.nowStart + j, [cloneNode(wanted)])
      }
    }
    if (run.nowCount > paired) target.delete(run.nowStart + paired, run.nowCount - paired)
    if (run.thenCount > paired) {
      target.insert(
        run.nowStart + paired,
        then.slice(run.thenStart + paired, run.thenStart + run.thenCount).map(cloneNode)
      )
    }
  }
}

type XmlNode = Y.XmlElement | Y.XmlText

/** A node's whole content as markup: equal keys, equal nodes (attributes are written sorted). */
const keyOf = (node: XmlNode): string => (node instanceof Y.XmlText ? `text:${node.toString()}` : node.toString())

const cloneNode = (node: XmlNode): XmlNode => node.clone() as XmlNode

/** Brings a node back to the old one in place, when they are of one kind; false when not. */
const restoreNode = (current: XmlNode, wanted: XmlNode): boolean => {
  if (current instanceof Y.XmlText && wanted instanceof Y.XmlText) {
    restoreText(current, wanted)
    return true
  }
  if (current instanceof Y.XmlElement && wanted instanceof Y.XmlElement && current.nodeName === wanted.nodeName) {
    const wantedAttributes = wanted.getAttributes() as Record<string, unknown>
    const currentAttributes = current.getAttributes() as Record<string, unknown>
    for (const name of Object.keys(currentAttributes)) if (!(name in wantedAttributes)) current.removeAttribute(name)
    for (const [name, value] of Object.entries(wantedAttributes)) {
      if (JSON.stringify(currentAttributes[name]) !== JSON.stringify(value)) current.setAttribute(name, value as string)
    }
    restoreXmlChildren(current, wanted)
    return true
  }
  return false
}

/** One character (or embed) of a text and its formatting, for comparing texts. */
interface Unit {
  readonly value: string | object
  readonly format: string
  readonly attributes: Record<string, unknown>
}

const unitsOf = (text: Y.XmlText): Unit[] => {
  const units: Unit[] = []
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const attributes = op.attributes ?? {}
    const format = JSON.stringify(attributes)
    if (typeof op.insert === 'string') for (const c of op.insert) units.push(...codeUnits(c, format, attributes))
    else units.push({ value: op.insert as object, format, attributes })
  }
  return units
}

/** Yjs counts a text in UTF-16 code units: a character outside the BMP is two. */
const codeUnits = (c: string, format: string, attributes: Record<string, unknown>): Unit[] =>
  c.length === 1 ? [{ value: c, format, attributes }] : [...Array(c.length).keys()].map((i) => ({ value: c[i]!, format, attributes }))

const sameValue = (a: Unit, b: Unit): boolean =>
  typeof a.value === 'string' ? a.value === b.value : JSON.stringify(a.value) === JSON.stringify(b.value)

/**
 * Keeps the characters both texts start and end with, replacing only the stretch between,
 * then gives every character the old formatting (formatting a character keeps it: bold taken
 * off since the version does not replace the words).
 */
const restoreText = (current: Y.XmlText, wanted: Y.XmlText): void => {
  const now = unitsOf(current)
  const then = unitsOf(wanted)
  let start = 0
  while (start < now.length && start < then.length && sameValue(now[start]!, then[start]!)) start++
  let end = 0
  while (end < now.length - start && end < then.length - start && sameValue(now[now.length - 1 - end]!, then[then.length - 1 - end]!)) end++
  const removed = now.length - start - end
  if (removed > 0) current.delete(start, removed)
  let at = start
  const middle = then.slice(start, then.length - end)
  for (let i = 0; i < middle.length; ) {
    const unit = middle[i]!
    if (typeof unit.value !== 'string') {
      // Attributes given in full: the text does not take on the formatting around it.
      current.insertEmbed(at, unit.value, { ...unit.attributes })
      at += 1
      i += 1
      continue
    }
    let run = ''
    while (i < middle.length && typeof middle[i]!.value === 'string' && middle[i]!.format === unit.format) run += middle[i++]!.value as string
    current.insert(at, run, { ...unit.attributes })
    at += run.length
  }
  restoreFormatting(current, then)
}

/** Formats each stretch whose formatting differs from the old one's as it was (same characters). */
const restoreFormatting = (current: Y.XmlText, then: readonly Unit[]): void => {
  const now = unitsOf(current)
  for (let i = 0; i < now.length; ) {
    if (now[i]!.format === then[i]!.format) {
      i++
      continue
    }
    const from = i
    const was = now[i]!
    const wanted = then[i]!
    while (i < now.length && now[i]!.format === was.format && then[i]!.format === wanted.format) i++
    const attributes: Record<string, unknown> = { ...wanted.attributes }
    for (const name of Object.keys(was.attributes)) if (!(name in attributes)) attributes[name] = null
    current.format(from, i - from, attributes)
  }
}

interface Run {
  nowStart: number
  nowCount: number
  thenStart: number
  thenCount: number
}

/** Past this many pairs of blocks, the changed middle is replaced whole rather than matched. */
const MAX_MATCHED_PAIRS = 1_000_000

/**
 * The stretches of `now` and `then` between the blocks they share (a longest common
 * subsequence of equal keys, after the common start and end), in order.
 */
const unmatchedRuns = (now: readonly string[], then: readonly string[]): Run[] => {
  let head = 0
  while (head < now.length && head < then.length && now[head] === then[head]) head++
  let tail = 0
  while (tail < now.length - head && tail < then.length - head && now[now.length - 1 - tail] === then[then.length - 1 - tail]) tail++
  const a = now.slice(head, now.length - tail)
  const b = then.slice(head, then.length - tail)
  const matches = a.length * b.length <= MAX_MATCHED_PAIRS ? commonSubsequence(a, b) : []
  const runs: Run[] = []
  let i = 0
  let j = 0
  for (const [mi, mj] of [...matches, [a.length, b.length] as const]) {
    if (mi > i || mj > j) runs.push({ nowStart: head + i, nowCount: mi - i, thenStart: head + j, thenCount: mj - j })
    i = mi + 1
    j = mj + 1
  }
  return runs
}

/** Index pairs of a longest common subsequence of two lists of keys. */
const commonSubsequence = (a: readonly string[], b: readonly string[]): [number, number][] => {
  const width = b.length + 1
  const lengths = new Uint32Array((a.length + 1) * width)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!)
    }
  }
  const pairs: [number, number][] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) pairs.push([i++, j++])
    else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++
    else j++
  }
  return pairs
}
