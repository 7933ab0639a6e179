import { z } from 'zod'
import { plural } from './plural'

/**
 * Workshop boards: columns of sticky notes, clusters, dot votes and a shared timer.
 * Everything here is plain data and pure rules; the CRDT layer stores it and these rules
 * decide what it means, so every peer reads the same result from the same state.
 */

export const STICKY_COLOURS = [
  { value: '#fff3a3', name: 'Yellow' },
  { value: '#c7f0d8', name: 'Green' },
  { value: '#cfe3ff', name: 'Blue' },
  { value: '#ffd6e0', name: 'Pink' },
  { value: '#ffe0b8', name: 'Orange' },
  { value: '#e6dcff', name: 'Lilac' }
] as const
export type StickyColour = (typeof STICKY_COLOURS)[number]['value']

/**
 * A note's colour as read from shared data: one of the palette's, or yellow. It becomes a CSS
 * variable, where a peer's `url(https://…)` would make every viewer fetch an outside address.
 */
const StickyColourSchema = z
  .unknown()
  .transform((value): StickyColour => STICKY_COLOURS.find((c) => c.value === value)?.value ?? STICKY_COLOURS[0].value)

export const BoardColumnSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** A fractional position: columns read by order, ties broken by id (see board-columns.ts). */
  order: z.number(),
  /** When the column was removed (recoverably), or null. Boards from before removal existed lack it. */
  removedAt: z.number().nullable().default(null)
})
export type BoardColumn = z.infer<typeof BoardColumnSchema>

export const StickyNoteSchema = z.object({
  id: z.string(),
  text: z.string(),
  colour: StickyColourSchema,
  authorId: z.string(),
  authorName: z.string(),
  columnId: z.string(),
  clusterId: z.string().nullable(),
  order: z.number(),
  createdAt: z.number(),
  /**
   * Always null from this version on: brainstorm notes stay on their author's device until the
   * reveal (see brainstorm-draft.ts). Earlier versions wrote them into the board with the
   * brainstorm's id here; while that brainstorm is the active one only the author sees such a
   * note, and ending it shows the note to everyone.
   */
  privateIn: z.string().nullable(),
  deletedAt: z.number().nullable()
})
export type StickyNote = z.infer<typeof StickyNoteSchema>

export const ClusterSchema = z.object({ id: z.string(), label: z.string(), columnId: z.string() })
export type Cluster = z.infer<typeof ClusterSchema>

export const VoteRoundSchema = z.object({
  id: z.string(),
  status: z.enum(['open', 'closed', 'revealed']),
  dotsPerPerson: z.number().int().min(1).max(20),
  allowSeveralOnOneNote: z.boolean(),
  openedAt: z.number()
})
export type VoteRound = z.infer<typeof VoteRoundSchema>

/**
 * One placed dot. Each placement is stored under a key of its own, `<round>:<voter>:<slot>:<id>`
 * with a random id, so two tabs of one person placing at the same moment both keep their dot
 * (an earlier layout, `<round>:<voter>:<slot>`, let one overwrite the other; it still reads).
 * `slot` orders a person's dots: one more than the highest they had when placing it. `id` is
 * the storage key, read back with the dot.
 */
export const DotSchema = z.object({
  roundId: z.string(),
  voterId: z.string(),
  slot: z.number().int().min(0),
  noteId: z.string()
})
export type StoredDot = z.infer<typeof DotSchema>
export type Dot = StoredDot & { id: string }

/** The storage key of a new dot; `unique` tells apart placements made at the same moment. */
export const dotKey = (roundId: string, voterId: string, slot: number, unique: string): string =>
  `${roundId}:${voterId}:${slot}:${unique}`

/** Every peer orders dots alike: by voter, then slot, then id. */
export const compareDots = (a: Dot, b: Dot): number =>
  a.voterId !== b.voterId ? (a.voterId < b.voterId ? -1 : 1) : a.slot - b.slot || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The dots that count in a round. Applies the rules whatever the stored state holds (more dots
 * than a person's allowance, placed at once from two tabs; a second dot on one note where that
 * is not allowed; a dot on a deleted note): such dots are ignored, earliest first counting, so
 * each peer agrees.
 */
export const countingDots = (round: VoteRound, dots: readonly Dot[], liveNoteIds: ReadonlySet<string>): Dot[] => {
  const ordered = dots.filter((d) => d.roundId === round.id && liveNoteIds.has(d.noteId)).sort(compareDots)
  const perVoter = new Map<string, number>()
  const onNote = new Set<string>()
  return ordered.filter((d) => {
    const used = perVoter.get(d.voterId) ?? 0
    if (used >= round.dotsPerPerson) return false
    const key = `${d.voterId}\u0000${d.noteId}`
    if (!round.allowSeveralOnOneNote && onNote.has(key)) return false
    onNote.add(key)
    perVoter.set(d.voterId, used + 1)
    return true
  })
}

/**
 * Dots of the round on live notes that do not count: placed at the same moment from two tabs
 * or devices of one person when only one of them fitted the allowance (or the round allows one
 * dot per note). They are kept, not dropped, so that person can be told which dot was refused.
 */
export const refusedDots = (round: VoteRound, dots: readonly Dot[], liveNoteIds: ReadonlySet<string>): Dot[] => {
  const counting = new Set(countingDots(round, dots, liveNoteIds).map((d) => d.id))
  return dots.filter((d) => d.roundId === round.id && liveNoteIds.has(d.noteId) && !counting.has(d.id))
}

/**
 * What a person is told about one of their refused dots (see refusedDots), `label` being the
 * note's text as shown. Their own other dots decide which rule refused it.
 */
export const refusedDotMessage = (round: VoteRound, counting: readonly Dot[], dot: Dot, label: string): string => {
  const mine = counting.filter((d) => d.voterId === dot.voterId)
  const reason =
    !round.allowSeveralOnOneNote && mine.some((d) => d.noteId === dot.noteId)
      ? 'you already had a dot on it, and this vote allows one dot per note'
      : `you had already placed all ${plural(round.dotsPerPerson, 'dot')}, some from another tab or device at the same moment`
  return `Your dot on “${label}” was not counted: ${reason}.`
}

/** How many dots a person still has to place in a round. */
export const dotsLeft = (round: VoteRound, counting: readonly Dot[], voterId: string): number =>
  round.dotsPerPerson - counting.filter((d) => d.voterId === voterId).length

/** The slot a new dot takes: after every dot the person has in the round, so earlier ones count first. */
export const nextSlot = (round: VoteRound, dots: readonly Dot[], voterId: string): number =>
  dots.reduce((next, d) => (d.roundId === round.id && d.voterId === voterId ? Math.max(next, d.slot + 1) : next), 0)

/** Whether a person may put one more dot on a note under the round's rules. */
export const canPlaceDot = (
  round: VoteRound,
  dots: readonly Dot[],
  liveNoteIds: ReadonlySet<string>,
  voterId: string,
  noteId: string
): boolean => {
  if (round.status !== 'open' || !liveNoteIds.has(noteId)) return false
  const counting = countingDots(round, dots, liveNoteIds)
  if (dotsLeft(round, counting, voterId) <= 0) return false
  if (round.allowSeveralOnOneNote) return true
  return !counting.some((d) => d.voterId === voterId && d.noteId === noteId)
}

export interface RankedNote {
  noteId: string
  votes: number
  rank: number
}

/** Notes by votes, most first; equal counts share a rank (1, 2, 2, 4). Ties break by id. */
export const rankNotes = (counting: readonly Dot[], noteIds: readonly string[]): RankedNote[] => {
  const votes = new Map<string, number>(noteIds.map((id) => [id, 0]))
  for (const d of counting) if (votes.has(d.noteId)) votes.set(d.noteId, (votes.get(d.noteId) ?? 0) + 1)
  const sorted = [...votes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  let rank = 0
  let previous = Number.NaN
  return sorted.map(([noteId, count], index) => {
    if (count !== previous) rank = index + 1
    previous = count
    return { noteId, votes: count, rank }
  })
}

/** Who sees a note: everyone, unless it belongs to a silent brainstorm still under way. */
export const isNoteVisibleTo = (note: StickyNote, settings: BoardSettings, viewerId: string): boolean =>
  note.deletedAt === null &&
  (note.privateIn === null || note.privateIn !== settings.activeBrainstormId || note.authorId === viewerId)

/**
 * The shared timer. A running timer stores when it ends, not how long is left, so every device
 * shows the same time and a reload picks it up where it was. The end is by the clock of the
 * device that started it (`clock`, its device id): other devices read that clock through
 * their estimate of its offset (domain/clock-offsets.ts), so a device whose clock is out still
 * shows the facilitator's time. Every `now` below is by the timer's clock.
 */
export const TimerSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('stopped'), durationMs: z.number().min(0) }),
  z.object({
    status: z.literal('running'),
    durationMs: z.number().min(0),
    endsAt: z.number(),
    clock: z.string().max(64).optional()
  }),
  z.object({ status: z.literal('paused'), durationMs: z.number().min(0), remainingMs: z.number().min(0) })
])
export type TimerState = z.infer<typeof TimerSchema>

export const timerRemainingMs = (timer: TimerState, now: number): number => {
  switch (timer.status) {
    case 'stopped':
      return timer.durationMs
    case 'paused':
      return timer.remainingMs
    case 'running':
      return Math.max(0, timer.endsAt - now)
  }
}

/** Starts (or resumes) the timer by the clock of the device `clock` starting it. */
export const startTimer = (timer: TimerState, now: number, clock?: string): TimerState =>
  timer.status === 'running'
    ? timer
    : {
        status: 'running',
        durationMs: timer.durationMs,
        endsAt: now + timerRemainingMs(timer, now),
        ...(clock ? { clock } : {})
      }

/** The device whose clock a timer runs by (none for a timer not running, or an older one). */
export const timerClock = (timer: TimerState): string | undefined => (timer.status === 'running' ? timer.clock : undefined)

export const pauseTimer = (timer: TimerState, now: number): TimerState =>
  timer.status === 'running'
    ? { status: 'paused', durationMs: timer.durationMs, remainingMs: timerRemainingMs(timer, now) }
    : timer

export const addToTimer = (timer: TimerState, ms: number, now: number): TimerState => {
  switch (timer.status) {
    case 'running':
      return { ...timer, endsAt: Math.max(timer.endsAt, now) + ms, durationMs: timer.durationMs + ms }
    case 'paused':
      return { ...timer, remainingMs: timer.remainingMs + ms, durationMs: timer.durationMs + ms }
    case 'stopped':
      return { status: 'stopped', durationMs: timer.durationMs + ms }
  }
}

export const resetTimer = (durationMs: number): TimerState => ({ status: 'stopped', durationMs })

/** "4:05", "0:09", "12:00". */
export const formatTimer = (ms: number): string => {
  const totalSeconds = Math.ceil(ms / 1000)
  const minutes = Math.floor(totalSeconds / 60)
  const seconds = totalSeconds % 60
  return `${minutes}:${String(seconds).padStart(2, '0')}`
}

export const BoardSettingsSchema = z.object({
  anonymous: z.boolean(),
  locked: z.boolean(),
  /** The silent brainstorm under way, or null. */
  activeBrainstormId: z.string().nullable(),
  /** The vote round shown on the board, or null. */
  currentRoundId: z.string().nullable(),
  facilitatorIds: z.array(z.string())
})
export type BoardSettings = z.infer<typeof BoardSettingsSchema>

/** Facilitators can always edit; others only while the board is unlocked. */
export const canEditBoard = (settings: BoardSettings, memberId: string): boolean =>
  !settings.locked || settings.facilitatorIds.includes(memberId)

export const isFacilitator = (settings: BoardSettings, memberId: string): boolean =>
  settings.facilitatorIds.includes(memberId)
