import * as Y from 'yjs'
import { makeSectionId } from '../../../src/domain/report'
import { mutate } from '../../../src/crdt/mutate'
import { countWords, insertion, sentence, typo } from './prose'
import type { Random } from './random'

/**
 * Rich text typed the way a person types into the TipTap editor, as the Yjs structure that
 * @tiptap/extension-collaboration (y-prosemirror) keeps: the body fragment holds
 * `paragraph`, `heading` (attributes `level` and the editor's `sectionId`) and
 * `bulletList > listItem > paragraph` elements, each holding one Y.XmlText; marks are text
 * attributes (`bold: {}`). A body that starts as a template's one empty paragraph (a blank
 * note or report) is typed into, as a person would, rather than left in front.
 *
 * Every burst of typing, correction and revision is its own transaction through `mutate`,
 * so the document carries a realistic edit history (merged runs, tombstones with gc off,
 * many client ids) rather than one big insert.
 */

export type PlannedBlock =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string; boldWords?: readonly [number, number] }
  | { type: 'bulletList'; items: readonly string[] }

export interface TypingStyle {
  /** Words per burst of typing (one transaction each), inclusive range. */
  burstWords: readonly [number, number]
  /** Chance that a burst ends in a typo that is then deleted and retyped. */
  typoRate: number
  /** Chance that a whole paragraph arrives in one transaction (pasted from elsewhere). */
  pasteRate: number
}

export const NOTE_TYPING: TypingStyle = { burstWords: [1, 6], typoRate: 0.07, pasteRate: 0.02 }
export const REPORT_TYPING: TypingStyle = { burstWords: [3, 14], typoRate: 0.04, pasteRate: 0.15 }

/** One text leaf of the body and what it holds, so revisions land on word boundaries. */
interface Line {
  text: Y.XmlText
  shadow: string
  heading: boolean
}

export interface TypingTally {
  transactions: number
  deletions: number
}

export interface Typist {
  /** Appends a block at the end of the body and types it. */
  type(block: PlannedBlock): void
  /** One revision somewhere in what was typed so far: insert, delete or replace words. */
  revise(): void
  words(): number
  readonly tally: TypingTally
}

/** A typist working on one body, across sittings; `tally` counts its transactions. */
export const makeTypist = (doc: Y.Doc, body: Y.XmlFragment, random: Random, style: TypingStyle): Typist => {
  const lines: Line[] = []
  const tally: TypingTally = { transactions: 0, deletions: 0 }
  const edit = (fn: () => void): void => {
    mutate(doc, fn)
    tally.transactions += 1
  }

  // The blank template's empty first paragraph, until the first block is typed.
  const first = body.length === 1 ? body.get(0) : null
  let blank = first instanceof Y.XmlElement && first.nodeName === 'paragraph' && first.length === 0 ? first : null

  /**
   * Presses Enter at the end: a new element holding an empty text, in one transaction. The
   * first block replaces the blank paragraph (ProseMirror turns it into a heading or list).
   */
  const openLine = (make: () => { outer: Y.XmlElement; text: Y.XmlText }, into: Y.XmlElement | Y.XmlFragment, heading: boolean): Line => {
    const made = make()
    const replacing = into === body ? blank : null
    blank = null
    edit(() => {
      if (replacing) body.delete(0, 1)
      into.insert(into.length, [made.outer])
    })
    const line: Line = { text: made.text, shadow: '', heading }
    lines.push(line)
    return line
  }

  const insertAt = (line: Line, index: number, value: string, attributes?: Record<string, unknown>): void => {
    edit(() => line.text.insert(index, value, attributes))
    line.shadow = line.shadow.slice(0, index) + value + line.shadow.slice(index)
  }

  const deleteAt = (line: Line, index: number, length: number): void => {
    if (length <= 0) return
    edit(() => line.text.delete(index, length))
    line.shadow = line.shadow.slice(0, index) + line.shadow.slice(index + length)
    tally.deletions += 1
  }

  /** Types `words` at the end of a line in bursts, with the occasional typo put right. */
  const typeWords = (line: Line, words: readonly string[], attributes: Record<string, unknown>): void => {
    let i = 0
    while (i < words.length) {
      const size = Math.min(words.length - i, random.between(style.burstWords[0], style.burstWords[1]))
      const burst = words.slice(i, i + size)
      const lead = line.shadow.length > 0 && !line.shadow.endsWith(' ') ? ' ' : ''
      const intended = lead + burst.join(' ')
      const last = burst[burst.length - 1] ?? ''
      if (random.chance(style.typoRate) && last.length > 1) {
        const wrong = lead + [...burst.slice(0, -1), typo(random, last)].join(' ')
        let same = 0
        while (same < wrong.length && wrong[same] === intended[same]) same += 1
        const start = line.shadow.length
        insertAt(line, start, wrong, attributes)
        // Backspace to the first wrong letter, then type the rest again.
        deleteAt(line, start + same, wrong.length - same)
        insertAt(line, start + same, intended.slice(same), attributes)
      } else {
        insertAt(line, line.shadow.length, intended, attributes)
      }
      i += size
    }
  }

  const typeParagraphText = (line: Line, text: string, boldWords?: readonly [number, number]): void => {
    if (random.chance(style.pasteRate)) {
      insertAt(line, 0, text, {})
      return
    }
    const words = text.split(' ')
    if (!boldWords) {
      typeWords(line, words, {})
      return
    }
    const [from, to] = boldWords
    typeWords(line, words.slice(0, from), {})
    typeWords(line, words.slice(from, to), { bold: {} })
    typeWords(line, words.slice(to), {})
  }

  const paragraphElement = (): { outer: Y.XmlElement; text: Y.XmlText } => {
    const outer = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    outer.insert(0, [text])
    return { outer, text }
  }

  const type = (block: PlannedBlock): void => {
    if (blank && block.type === 'paragraph') {
      // Typing into the empty paragraph: its text node appears with the first letters.
      const text = new Y.XmlText()
      const element = blank
      blank = null
      edit(() => element.insert(0, [text]))
      const line: Line = { text, shadow: '', heading: false }
      lines.push(line)
      typeParagraphText(line, block.text, block.boldWords)
      return
    }
    switch (block.type) {
      case 'heading': {
        const line = openLine(
          () => {
            const outer = new Y.XmlElement('heading')
            outer.setAttribute('level', block.level as unknown as string)
            outer.setAttribute('sectionId', makeSectionId())
            const text = new Y.XmlText()
            outer.insert(0, [text])
            return { outer, text }
          },
          body,
          true
        )
        typeWords(line, block.text.split(' '), {})
        return
      }
      case 'paragraph': {
        const line = openLine(paragraphElement, body, false)
        typeParagraphText(line, block.text, block.boldWords)
        return
      }
      case 'bulletList': {
        const list = new Y.XmlElement('bulletList')
        const replacing = blank
        blank = null
        edit(() => {
          if (replacing) body.delete(0, 1)
          body.insert(body.length, [list])
        })
        for (const item of block.items) {
          const line = openLine(
            () => {
              const outer = new Y.XmlElement('listItem')
              const inner = paragraphElement()
              outer.insert(0, [inner.outer])
              return { outer, text: inner.text }
            },
            list,
            false
          )
          typeWords(line, item.split(' '), {})
        }
        return
      }
    }
  }

  /** Offsets of the spaces in a line: word boundaries where a person would put the cursor. */
  const spaces = (line: Line): number[] => {
    const result: number[] = []
    for (let i = 0; i < line.shadow.length; i++) if (line.shadow[i] === ' ') result.push(i)
    return result
  }

  const revise = (): void => {
    const candidates = lines.filter((l) => !l.heading && countWords(l.shadow) >= 8)
    if (candidates.length === 0) return
    const line = random.pick(candidates)
    const gaps = spaces(line)
    const at = random.pick(gaps)
    const roll = random.next()
    if (roll < 0.4) {
      // Going back to add a qualification, typed in one or two bursts (inherits the marks there).
      const words = insertion(random).split(' ')
      const cut = random.between(1, words.length)
      insertAt(line, at, ' ' + words.slice(0, cut).join(' '))
      if (cut < words.length) insertAt(line, at + 1 + words.slice(0, cut).join(' ').length, ' ' + words.slice(cut).join(' '))
    } else if (roll < 0.7) {
      // Cutting a few words.
      const after = gaps.filter((g) => g > at)
      const end = after[Math.min(after.length - 1, random.between(0, 3))]
      if (end !== undefined) deleteAt(line, at, end - at)
    } else if (roll < 0.9) {
      // Replacing one word with a better one.
      const next = gaps.find((g) => g > at) ?? line.shadow.length
      const replacement = random.pick(['really', 'clearly', 'mostly', 'often', 'sometimes', 'rarely', 'also', 'still'])
      deleteAt(line, at + 1, next - at - 1)
      insertAt(line, at + 1, replacement)
    } else {
      // Rewriting a sentence: select it, delete it, type a new one.
      const stops = [...line.shadow.matchAll(/\. /g)].map((m) => (m.index ?? 0) + 2)
      if (stops.length < 2) return
      const i = random.int(stops.length - 1)
      const start = stops[i] as number
      const end = stops[i + 1] as number
      deleteAt(line, start, end - start)
      const words = (sentence(random) + ' ').split(' ').filter(Boolean)
      let cursor = start
      for (let w = 0; w < words.length; ) {
        const size = Math.min(words.length - w, random.between(style.burstWords[0], style.burstWords[1]))
        const chunk = words.slice(w, w + size).join(' ') + ' '
        insertAt(line, cursor, chunk)
        cursor += chunk.length
        w += size
      }
    }
  }

  return {
    type,
    revise,
    words: () => lines.reduce((sum, l) => sum + countWords(l.shadow), 0),
    tally
  }
}

/** The plain text of a body as TipTap would show it, one block per line (for checks). */
export const bodyText = (body: Y.XmlFragment): string => {
  const out: string[] = []
  const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText): void => {
    if (node instanceof Y.XmlText) {
      out.push(
        node
          .toDelta()
          .map((d: { insert: unknown }) => (typeof d.insert === 'string' ? d.insert : ''))
          .join('')
      )
      return
    }
    node.toArray().forEach((child) => walk(child as Y.XmlElement | Y.XmlText))
  }
  walk(body)
  return out.join('\n')
}
