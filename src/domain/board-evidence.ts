import {
  countingDots,
  isNoteVisibleTo,
  rankNotes,
  type BoardColumn,
  type BoardSettings,
  type Cluster,
  type Dot,
  type StickyNote,
  type VoteRound
} from './board'
import { mentionsDate } from './mentions-date'
import type { TemplateBlock } from './templates/template'
import type { Translate } from './i18n/catalogue'
import { INTL_TAGS, type Locale } from './i18n/locale'

/**
 * "Workshop to evidence": a board's result written up as the body of an action-research note,
 * as the same plain blocks note templates use (the CRDT layer turns them into the editor's
 * headings, paragraphs and lists). Pure, so the same board always gives the same write-up.
 */
export type EvidenceBlock = TemplateBlock

export interface WorkshopEvidence {
  title: string
  /** The workshop's date, YYYY-MM-DD (local time of whoever wrote it up). */
  date: string
  participantCount: number
  /** Authors' names, unless the board was anonymous: the note's participants. */
  participantNames: string[]
  noteCount: number
  blocks: EvidenceBlock[]
}

export interface EvidenceBoard {
  columns: readonly BoardColumn[]
  notes: readonly StickyNote[]
  clusters: readonly Cluster[]
  settings: BoardSettings
  round: VoteRound | null
  dots: readonly Dot[]
}

const isoDate = (time: number): string => {
  const d = new Date(time)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}


/**
 * Writes up a board as `viewerId` sees it: deleted notes and notes still private in a silent
 * brainstorm are left out; names are left out in anonymous mode; vote counts appear only
 * once the vote is revealed. Participants are the people who wrote a note or placed a dot,
 * or the number present when that is larger.
 */
export const makeWorkshopEvidence = (input: {
  boardTitle: string
  board: EvidenceBoard
  viewerId: string
  now: number
  presentCount?: number
  /** The language of whoever writes it up: the note starts in it, then is their own text. */
  locale: Locale
  tr: Translate
}): WorkshopEvidence => {
  const { board, tr } = input
  const day = new Intl.DateTimeFormat(INTL_TAGS[input.locale], { dateStyle: 'long' }).format(new Date(input.now))
  const notes = board.notes.filter((n) => isNoteVisibleTo(n, board.settings, input.viewerId))
  const live = new Set(notes.map((n) => n.id))
  const round = board.round
  const counting = round ? countingDots(round, board.dots, live) : []
  const revealed = round?.status === 'revealed'
  const ranking = rankNotes(counting, notes.map((n) => n.id))
  const votesOf = new Map(ranking.map((r) => [r.noteId, r]))
  const people = new Set([...notes.map((n) => n.authorId), ...counting.map((d) => d.voterId)])
  const participantCount = Math.max(people.size, input.presentCount ?? 0)
  const columnTitle = (id: string): string => board.columns.find((c) => c.id === id)?.title ?? ''

  const describe = (note: StickyNote): string => {
    const parts = [note.text.replace(/\s+/g, ' ').trim()]
    const votes = votesOf.get(note.id)?.votes ?? 0
    if (revealed) parts.push(`— ${tr('evidence.dots', { count: votes })}`)
    if (!board.settings.anonymous && note.authorName) parts.push(`(${note.authorName})`)
    return parts.join(' ')
  }

  const blocks: EvidenceBlock[] = [
    {
      type: 'paragraph',
      text: tr('evidence.held', {
        date: day,
        board: input.boardTitle,
        participants: participantCount,
        notes: notes.length,
        columns: board.columns.length
      })
    }
  ]
  if (board.settings.anonymous) blocks.push({ type: 'paragraph', text: tr('evidence.anonymous') })

  if (round && revealed) {
    const voters = new Set(counting.map((d) => d.voterId)).size
    blocks.push({ type: 'heading', level: 1, text: tr('evidence.voteHeading') })
    blocks.push({
      type: 'paragraph',
      text: tr('evidence.voteRules', { dots: round.dotsPerPerson, several: round.allowSeveralOnOneNote ? 'yes' : 'no', voters })
    })
    const ranked = ranking.filter((r) => r.votes > 0)
    const byId = new Map(notes.map((n) => [n.id, n]))
    blocks.push(
      ranked.length > 0
        ? {
            type: 'bulletList',
            items: ranked.map((r) => {
              const note = byId.get(r.noteId) as StickyNote
              return `${r.rank}. ${note.text.replace(/\s+/g, ' ').trim()} — ${tr('evidence.dots', { count: r.votes })} (${columnTitle(note.columnId)})`
            })
          }
        : { type: 'paragraph', text: tr('evidence.noDots') }
    )
  } else if (round) {
    blocks.push({ type: 'paragraph', text: tr('evidence.notRevealed') })
  }

  for (const column of board.columns) {
    blocks.push({ type: 'heading', level: 1, text: column.title })
    const inColumn = notes.filter((n) => n.columnId === column.id)
    if (inColumn.length === 0) {
      blocks.push({ type: 'paragraph', text: tr('evidence.noNotes') })
      continue
    }
    const clusters = board.clusters.filter((c) => c.columnId === column.id)
    for (const cluster of clusters) {
      const grouped = inColumn.filter((n) => n.clusterId === cluster.id)
      if (grouped.length === 0) continue
      blocks.push({ type: 'heading', level: 2, text: cluster.label })
      blocks.push({ type: 'bulletList', items: grouped.map(describe) })
    }
    const loose = inColumn.filter((n) => n.clusterId === null || !clusters.some((c) => c.id === n.clusterId))
    if (loose.length > 0) {
      if (clusters.some((c) => inColumn.some((n) => n.clusterId === c.id)))
        blocks.push({ type: 'heading', level: 2, text: tr('evidence.notGrouped') })
      blocks.push({ type: 'bulletList', items: loose.map(describe) })
    }
  }

  return {
    // A board named for its day ("…, 12 March") already says when: a second date only confuses.
    title: mentionsDate(input.boardTitle)
      ? tr('evidence.title', { board: input.boardTitle })
      : tr('evidence.titleDated', { board: input.boardTitle, date: day }),
    date: isoDate(input.now),
    participantCount,
    participantNames: board.settings.anonymous
      ? []
      : [...new Set(notes.map((n) => n.authorName.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b)),
    noteCount: notes.length,
    blocks
  }
}
