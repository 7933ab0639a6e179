import * as Y from 'yjs'
import { PROFILE_COLOURS } from '../../../src/domain/colours'
import { WorkspaceIdSchema, WorkspaceSecretSchema, type WorkspaceId, type WorkspaceSecret } from '../../../src/domain/ids'
import { artifactBody } from '../../../src/crdt/artifacts'
import { initialiseWorkspace } from '../../../src/crdt/workspace-meta'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { encodeWorkspaceFile } from '../../../src/storage/workspace-file'
import { planNotes, planReports, type WrittenArtifact } from './notes'
import { planPartnerMap, type PartnerDirectory, type PartnerMapSummary } from './partners'
import { makeSeededRandom, withSeededRandomBytes, type Random } from './random'
import { countWords } from './prose'
import { runSchedule, type Person, type ScheduleTally } from './sessions'
import { bodyText } from './typing'

export interface BenchWorkspaceOptions {
  seed: number
  notes?: number
  /** Words per note, inclusive. */
  noteWords?: readonly [number, number]
  reports?: number
  reportWords?: number
  partners?: number
  people?: number
  /** Days the lab's work is spread over. */
  days?: number
  /**
   * False leaves the daily versions out, everything else the same (issue 15: the stored size
   * of the same content without version records).
   */
  versions?: boolean
}

/** The workspace of issue 2's benchmark: a lab half a year in. */
export const ISSUE_2_WORKSPACE: Omit<BenchWorkspaceOptions, 'seed'> = {
  notes: 200,
  noteWords: [300, 1500],
  reports: 3,
  reportWords: 15_000,
  partners: 150,
  people: 12,
  days: 180
}

/** The lab sizes a bench can ask for with MUTUAL_BENCH_LAB_MONTHS (issue 15). */
export const BENCH_LAB_MONTHS = [6, 12, 24] as const
export type BenchLabMonths = (typeof BENCH_LAB_MONTHS)[number]

/**
 * A lab `months` in: six months is issue 2's workspace exactly (the same seed gives the same
 * bytes as before sizes existed); a longer lab has proportionally more notes, partners and
 * days of work. Reports stay three: a lab writes its reports over its life, not per month.
 */
export const benchLabOptions = (months: BenchLabMonths): Omit<BenchWorkspaceOptions, 'seed'> =>
  months === 6 ? ISSUE_2_WORKSPACE : { ...ISSUE_2_WORKSPACE, notes: (200 * months) / 6, partners: (150 * months) / 6, days: 30 * months }

/** The lab size chosen by MUTUAL_BENCH_LAB_MONTHS (6, 12 or 24), or `fallback` when unset. */
export const benchLabMonths = (fallback: BenchLabMonths = 6, value = process.env.MUTUAL_BENCH_LAB_MONTHS): BenchLabMonths => {
  if (value === undefined || value === '') return fallback
  const months = Number(value)
  if (!(BENCH_LAB_MONTHS as readonly number[]).includes(months)) throw new Error(`MUTUAL_BENCH_LAB_MONTHS must be 6, 12 or 24, not “${value}”`)
  return months as BenchLabMonths
}

export interface BenchWorkspace {
  seed: number
  id: WorkspaceId
  secret: WorkspaceSecret
  name: string
  doc: Y.Doc
  notes: WrittenArtifact[]
  reports: WrittenArtifact[]
  partnerMap: PartnerMapSummary
  schedule: ScheduleTally
  generationMs: number
}

const LAB_START = Date.UTC(2026, 0, 5, 9, 0)

const PEOPLE: readonly [string, string][] = [
  ['Asha Patel', 'Oldham Council'], ['Tom Hughes', 'Kirklees Council'], ['Grace Okafor', 'Lambeth Council'],
  ['Rhys Morgan', 'Cardiff Council'], ['Hannah Clarke', 'Plymouth City Council'], ['Imran Khan', 'Oldham Council'],
  ['Sophie Nowak', 'Sunderland City Council'], ['Daniel Evans', 'Preston City Council'], ['Maya Iqbal', 'Kirklees Council'],
  ['Owen Fletcher', 'Co-operative Councils Innovation Network'], ['Priya Shah', 'Lambeth Council'], ['Liam Brown', 'Rochdale Borough Council']
]

const hex = (random: Random, bytes: number): string =>
  Array.from({ length: bytes }, () => random.int(256).toString(16).padStart(2, '0')).join('')

/** A workspace secret: 32 seeded bytes in 43 base64url characters (the last one's low bits zero). */
const seededSecret = (random: Random): string => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const body = Array.from({ length: 42 }, () => alphabet[random.int(64)]).join('')
  return body + (alphabet[random.int(16) * 4] as string)
}

const makePeople = (random: Random, count: number): Person[] =>
  PEOPLE.slice(0, count).map(([name, organisation], i) => ({
    memberId: hex(random, 16),
    profile: { name, organisation, colour: PROFILE_COLOURS[i % PROFILE_COLOURS.length]!.value },
    actor: { name, organisation }
  }))

/**
 * Generates a realistic workspace straight through src/crdt, replaying months of work in
 * time order: notes typed with corrections, reports co-written and revised, a partner map
 * built up, one Yjs client id per sitting, authorship and daily versions as the app keeps
 * them. The same seed gives the same bytes.
 */
export const makeBenchWorkspace = (options: BenchWorkspaceOptions): BenchWorkspace => {
  const settings = { ...ISSUE_2_WORKSPACE, ...options }
  const random = makeSeededRandom(settings.seed)
  const started = performance.now()
  return withSeededRandomBytes(random, () => {
    const id = WorkspaceIdSchema.parse(hex(random, 16))
    const secret = WorkspaceSecretSchema.parse(seededSecret(random))
    const people = makePeople(random, settings.people ?? PEOPLE.length)
    const creator = people[0]
    if (!creator) throw new Error('A bench workspace needs at least one person')
    const doc = makeWorkspaceDoc(id)
    doc.clientID = random.uint32()
    const name = 'Community wealth building lab'
    initialiseWorkspace(
      doc,
      {
        name,
        description: 'How councils can keep more of their spending in local hands: procurement, community energy and co-operative housing.',
        leadCouncil: creator.profile.organisation,
        partnerCouncils: [...new Set(people.map((p) => p.profile.organisation))].filter((o) => o !== creator.profile.organisation),
        startDate: '2026-01-05'
      },
      creator.actor,
      LAB_START - 3 * 24 * 3600 * 1000
    )
    const window = { start: LAB_START, days: settings.days ?? 180 }
    const directory: PartnerDirectory = { mapId: null, ids: [] }
    const notes = planNotes(random, people, settings.notes ?? 0, settings.noteWords ?? [300, 1500], window, directory)
    const reportTitles = ['Interim report: what we have learnt so far', 'Final report to the CCIN network', 'Practice guide for partner councils'].slice(0, settings.reports ?? 0)
    const reports = planReports(random, people, reportTitles, settings.reportWords ?? 15_000, window)
    const partners = planPartnerMap(random, people, settings.partners ?? 0, window, directory)
    const schedule = runSchedule(doc, random, [...notes.sessions, ...reports.sessions, ...partners.sessions], settings.versions ?? true)
    return {
      seed: settings.seed,
      id,
      secret,
      name,
      doc,
      notes: notes.written,
      reports: reports.written,
      partnerMap: partners.summary,
      schedule,
      generationMs: Math.round(performance.now() - started)
    }
  })
}

/** The workspace as a file a person could import ("Import a workspace file"). */
export const benchWorkspaceFile = (workspace: BenchWorkspace, exportedAt = LAB_START + 200 * 24 * 3600 * 1000): Uint8Array =>
  encodeWorkspaceFile({ format: 1, workspaceId: workspace.id, secret: workspace.secret, name: workspace.name, exportedAt }, workspace.doc)

const range = (values: number[]) => ({
  min: Math.min(...values),
  max: Math.max(...values),
  total: values.reduce((a, b) => a + b, 0)
})

/** Figures describing the generated workspace, printed with every bench that uses it. */
export const describeBenchWorkspace = (workspace: BenchWorkspace) => ({
  seed: workspace.seed,
  generationMs: workspace.generationMs,
  notes: {
    count: workspace.notes.length,
    words: range(workspace.notes.map((n) => n.finalWords)),
    transactions: range(workspace.notes.map((n) => n.transactions)).total,
    deletions: range(workspace.notes.map((n) => n.deletions)).total
  },
  reports: {
    count: workspace.reports.length,
    words: workspace.reports.map((r) => r.finalWords),
    transactions: range(workspace.reports.map((r) => r.transactions)).total,
    deletions: range(workspace.reports.map((r) => r.deletions)).total
  },
  partners: workspace.partnerMap,
  sittings: workspace.schedule.sessions,
  clientIds: workspace.schedule.clientIds,
  dailyVersions: workspace.schedule.versions,
  updateBytes: Y.encodeStateAsUpdate(workspace.doc).byteLength
})

/** Throws if the generator did not produce what the benchmark promises (a real error). */
export const checkBenchWorkspace = (workspace: BenchWorkspace, options: Omit<BenchWorkspaceOptions, 'seed'> = ISSUE_2_WORKSPACE): void => {
  const problems: string[] = []
  const [low, high] = options.noteWords ?? [300, 1500]
  if (workspace.notes.length !== options.notes) problems.push(`${workspace.notes.length} notes, wanted ${options.notes}`)
  for (const written of [...workspace.notes, ...workspace.reports]) {
    const body = written.id ? artifactBody(workspace.doc, written.id) : null
    if (!body) problems.push(`${written.kind} “${written.title}” was never created`)
    // The typist's own record of the text must match what is really in the document.
    else if (countWords(bodyText(body)) !== written.finalWords) problems.push(`${written.kind} “${written.title}” text differs from what was typed`)
  }
  for (const note of workspace.notes) {
    if (note.finalWords < low || note.finalWords > high) problems.push(`note “${note.title}” has ${note.finalWords} words`)
  }
  if (workspace.reports.length !== options.reports) problems.push(`${workspace.reports.length} reports, wanted ${options.reports}`)
  for (const report of workspace.reports) {
    const wanted = options.reportWords ?? 15_000
    if (Math.abs(report.finalWords - wanted) > wanted * 0.05) problems.push(`report “${report.title}” has ${report.finalWords} words`)
  }
  if (workspace.partnerMap.partners !== options.partners) problems.push(`${workspace.partnerMap.partners} partners, wanted ${options.partners}`)
  if (problems.length > 0) throw new Error(`The bench workspace (seed ${workspace.seed}) is not as specified:\n${problems.join('\n')}`)
}
