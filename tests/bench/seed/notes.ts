import type { ArtifactId } from '../../../src/domain/ids'
import { NOTE_TYPES } from '../../../src/domain/note'
import { findNoteTemplate } from '../../../src/domain/templates/note-templates'
import { findReportTemplate } from '../../../src/domain/templates/report-templates'
import { artifactBody, markArtifactEdited } from '../../../src/crdt/artifacts'
import { createNote, setNoteField, setNoteParticipants } from '../../../src/crdt/note-meta'
import { setNotePartners } from '../../../src/crdt/partner-notes'
import { createReport } from '../../../src/crdt/report-sections'
import type { PartnerDirectory } from './partners'
import { bulletItem, countWords, noteHeading, noteTitle, paragraph, PARTICIPANTS, PLACE_NAMES, reportSection, TAGS } from './prose'
import type { Random } from './random'
import type { Person, ScheduledSession, SessionContext } from './sessions'
import { workingMoment } from './sessions'
import { makeTypist, NOTE_TYPING, REPORT_TYPING, type PlannedBlock, type Typist, type TypingStyle } from './typing'

/** What the generator wrote into one rich-text artifact, for the printed figures and checks. */
export interface WrittenArtifact {
  id: ArtifactId | null
  kind: 'note' | 'report'
  title: string
  plannedWords: number
  finalWords: number
  transactions: number
  deletions: number
}

const blockWords = (block: PlannedBlock): number =>
  block.type === 'bulletList' ? block.items.reduce((n, i) => n + countWords(i), 0) : countWords(block.text)

/** Cuts the last paragraph so the planned blocks add up to exactly `target` words. */
const trimTo = (blocks: PlannedBlock[], target: number): void => {
  let total = blocks.reduce((n, b) => n + blockWords(b), 0)
  for (let i = blocks.length - 1; i >= 0 && total > target; i--) {
    const block = blocks[i]
    if (!block || block.type !== 'paragraph') continue
    const words = block.text.split(' ')
    const keep = Math.max(5, words.length - (total - target))
    const text = words.slice(0, keep).join(' ').replace(/[,;:]?$/, '')
    blocks[i] = { type: 'paragraph', text: /[.!?”]$/.test(text) ? text : `${text}.` }
    total -= words.length - keep
  }
}

const paragraphBlock = (random: Random, words: number): PlannedBlock => {
  const text = paragraph(random, words)
  const count = countWords(text)
  // One paragraph in eight has a phrase in bold, as people do for a key point.
  if (count > 12 && random.chance(0.125)) {
    const from = random.between(0, count - 6)
    return { type: 'paragraph', text, boldWords: [from, from + random.between(2, 5)] }
  }
  return { type: 'paragraph', text }
}

export const planNoteBlocks = (random: Random, target: number): PlannedBlock[] => {
  const blocks: PlannedBlock[] = []
  let words = 0
  const push = (block: PlannedBlock): void => {
    blocks.push(block)
    words += blockWords(block)
  }
  if (random.chance(0.6)) push(paragraphBlock(random, random.between(15, 35)))
  while (words < target) {
    push({ type: 'heading', level: random.chance(0.8) ? 2 : 3, text: noteHeading(random) })
    const paragraphs = random.between(1, 3)
    for (let p = 0; p < paragraphs && words < target; p++) push(paragraphBlock(random, random.between(40, 140)))
    if (words < target && random.chance(0.25)) {
      push({ type: 'bulletList', items: Array.from({ length: random.between(3, 5) }, () => bulletItem(random)) })
    }
  }
  trimTo(blocks, target)
  return blocks
}

export const planReportBlocks = (random: Random, target: number): PlannedBlock[] => {
  const blocks: PlannedBlock[] = []
  let words = 0
  const push = (block: PlannedBlock): void => {
    blocks.push(block)
    words += blockWords(block)
  }
  for (let section = 0; words < target; section++) {
    // A report's sections are its level-1 headings (the report feature assigns them).
    push({ type: 'heading', level: 1, text: `${section + 1}. ${reportSection(random, section)}` })
    const subsections = random.between(1, 3)
    for (let s = 0; s < subsections && words < target; s++) {
      if (subsections > 1) push({ type: 'heading', level: 2, text: noteHeading(random) })
      const paragraphs = random.between(2, 5)
      for (let p = 0; p < paragraphs && words < target; p++) push(paragraphBlock(random, random.between(80, 220)))
    }
  }
  trimTo(blocks, target)
  return blocks
}

interface RichTextPlan {
  kind: 'note' | 'report'
  title: string
  blocks: PlannedBlock[]
  style: TypingStyle
  /** Creates the artifact (as the "New note" / "New report" form does) in the first sitting. */
  create(context: SessionContext): ArtifactId
  /** Sittings in time order; each types `blocks` more blocks and makes `revisions` revisions. */
  sittings: { at: number; person: Person; blocks: number; revisions: number }[]
}

/** Turns a plan into scheduled sittings that create, type and revise one artifact. */
const scheduleRichText = (plan: RichTextPlan, written: WrittenArtifact): ScheduledSession[] => {
  let typist: Typist | null = null
  let next = 0
  return plan.sittings.map((sitting, index) => ({
    at: sitting.at,
    person: sitting.person,
    run: (context) => {
      if (index === 0) written.id = plan.create(context)
      const body = written.id ? artifactBody(context.doc, written.id) : null
      if (!written.id || !body) throw new Error(`The ${plan.kind} “${plan.title}” has no body to type into`)
      // The typist keeps its view of the text across sittings; the clock is per sitting.
      typist ??= makeTypist(context.doc, body, context.random, plan.style)
      const active = typist
      const before = active.tally.transactions
      for (let b = 0; b < sitting.blocks && next < plan.blocks.length; b++) {
        active.type(plan.blocks[next] as PlannedBlock)
        next += 1
      }
      for (let r = 0; r < sitting.revisions; r++) active.revise()
      for (let t = before; t < active.tally.transactions; t++) context.tick()
      // The editor records "last edited by" (throttled); once per sitting here.
      markArtifactEdited(context.doc, written.id, context.person.actor, context.now())
      written.finalWords = active.words()
      written.transactions = active.tally.transactions
      written.deletions = active.tally.deletions
    }
  }))
}

const isoDay = (at: number): string => new Date(at).toISOString().slice(0, 10)

const template = <T>(found: T | null, id: string): T => {
  if (!found) throw new Error(`The ${id} template is missing: the bench seed creates notes and reports from it`)
  return found
}

export interface RichTextOptions {
  start: number
  days: number
}

/** Action-research notes: each written by one person over one to three sittings. */
export const planNotes = (
  random: Random,
  people: readonly Person[],
  count: number,
  words: readonly [number, number],
  window: RichTextOptions,
  partners: PartnerDirectory
): { sessions: ScheduledSession[]; written: WrittenArtifact[] } => {
  const sessions: ScheduledSession[] = []
  const written: WrittenArtifact[] = []
  const blankNote = template(findNoteTemplate('blank-note'), 'blank-note')
  for (let n = 0; n < count; n++) {
    // Leave room for revisions, which add or cut a few words, inside the allowed range.
    const target = random.between(words[0] + 30, words[1] - 40)
    const blocks = planNoteBlocks(random, target)
    const author = random.pick(people)
    const first = workingMoment(random, window.start, random.next() * window.days)
    const sittingCount = random.chance(0.45) ? 1 : random.chance(0.64) ? 2 : 3
    const sittings: RichTextPlan['sittings'] = []
    const firstBlocks = sittingCount === 1 ? blocks.length : Math.ceil(blocks.length * (0.4 + random.next() * 0.5))
    sittings.push({ at: first, person: author, blocks: firstBlocks, revisions: sittingCount === 1 ? random.between(0, 3) : 0 })
    for (let s = 1; s < sittingCount; s++) {
      const at = first + s * Math.floor((0.2 + random.next() * 6) * 24 * 3600 * 1000)
      const person = random.chance(0.7) ? author : random.pick(people)
      sittings.push({ at, person, blocks: blocks.length, revisions: random.between(1, 5) })
    }
    const record: WrittenArtifact = {
      id: null,
      kind: 'note',
      title: noteTitle(random, n + 1),
      plannedWords: blocks.reduce((sum, b) => sum + blockWords(b), 0),
      finalWords: 0,
      transactions: 0,
      deletions: 0
    }
    const tags = random.shuffle(TAGS).slice(0, random.between(0, 3))
    const type = random.pick(NOTE_TYPES)
    const create = (context: SessionContext): ArtifactId => {
      const { doc, person, now } = context
      const id = createNote(doc, { title: record.title, template: blankNote, type, tags, council: person.profile.organisation }, person.actor, now())
      // The details form writes one field per change.
      setNoteField(doc, id, 'date', isoDay(now()), person.actor, now())
      setNoteField(doc, id, 'place', random.pick(PLACE_NAMES), person.actor, now())
      setNoteParticipants(doc, id, random.shuffle(PARTICIPANTS).slice(0, random.between(1, 6)), person.actor, now())
      if (partners.ids.length > 0 && random.chance(0.4)) {
        setNotePartners(doc, id, random.shuffle(partners.ids).slice(0, random.between(1, 3)), person.actor, now())
      }
      return id
    }
    written.push(record)
    sessions.push(...scheduleRichText({ kind: 'note', title: record.title, blocks, style: NOTE_TYPING, create, sittings }, record))
  }
  return { sessions, written }
}

/** Lab reports: co-written by several people over many sittings, then revised. */
export const planReports = (
  random: Random,
  people: readonly Person[],
  titles: readonly string[],
  words: number,
  window: RichTextOptions
): { sessions: ScheduledSession[]; written: WrittenArtifact[] } => {
  const sessions: ScheduledSession[] = []
  const written: WrittenArtifact[] = []
  const blankReport = template(findReportTemplate('blank-report'), 'blank-report')
  titles.forEach((title, n) => {
    const blocks = planReportBlocks(random, words)
    const authors = random.shuffle(people).slice(0, random.between(3, 5))
    const typingSittings = random.between(18, 26)
    const revisingSittings = random.between(6, 10)
    const perSitting = Math.ceil(blocks.length / typingSittings)
    const starts = window.start + Math.floor(window.days * 0.3) + n * 7
    let day = starts - window.start
    const moments: number[] = []
    for (let s = 0; s < typingSittings + revisingSittings; s++) {
      day += 1 + random.int(4)
      moments.push(workingMoment(random, window.start, Math.min(day, window.days - 1)))
    }
    // Weekend days move to the Monday, so sort: the sittings must run in the order planned.
    moments.sort((a, b) => a - b)
    const sittings: RichTextPlan['sittings'] = []
    for (let s = 0; s < moments.length; s++) {
      sittings.push({
        at: moments[s] as number,
        person: random.pick(authors),
        blocks: s < typingSittings ? perSitting : 0,
        revisions: s < 4 ? 0 : s < typingSittings ? random.between(2, 10) : random.between(8, 20)
      })
    }
    const record: WrittenArtifact = {
      id: null,
      kind: 'report',
      title,
      plannedWords: blocks.reduce((sum, b) => sum + blockWords(b), 0),
      finalWords: 0,
      transactions: 0,
      deletions: 0
    }
    const create = (context: SessionContext): ArtifactId =>
      createReport(context.doc, { title, template: blankReport, tags: ['report'] }, context.person.actor, context.now())
    written.push(record)
    sessions.push(...scheduleRichText({ kind: 'report', title, blocks, style: REPORT_TYPING, create, sittings }, record))
  })
  return { sessions, written }
}
