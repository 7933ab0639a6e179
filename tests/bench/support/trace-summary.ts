/**
 * Where a renderer's main thread spent a measured interval, from a Chromium trace
 * (playwright's browser.startTracing / stopTracing). A CPU profile shows script time but lumps
 * style, layout and paint into "(program)" or into the DOM call that forced them; the trace
 * names them.
 */

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  /** Thread time: how long the thread itself ran during the event. */
  tdur?: number
  pid: number
  tid: number
  args?: {
    name?: string
    data?: { frame?: string; processId?: number; frames?: { frame: string; processId: number }[]; message?: string }
  }
}

/** Renderer work worth naming; nested events are counted inside their outermost one. */
const KINDS: Record<string, string> = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  CompositeLayers: 'paint',
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.evaluateModule': 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  ParseHTML: 'parse',
  MajorGC: 'gc',
  MinorGC: 'gc'
}

export interface TraceSummary {
  /**
   * Total ms of each kind on the main thread, counting each kind's outermost events only.
   * Kinds overlap: a layout forced by a script (e.g. by focus()) counts as layout and as script.
   */
  byKind: Record<string, number>
  /** The main thread's longest few forced or scheduled layouts, in ms. */
  longestLayoutsMs: number[]
  /**
   * The main thread's tasks, summed: `wallMs` as the clock ran, `cpuMs` as the thread ran (its
   * thread time). On a busy machine the thread waits for a core and the first grows while the
   * second does not, so before/after comparisons made under load read `cpuMs`.
   */
  tasks: { wallMs: number; cpuMs: number }
}

const round = (ms: number): number => Math.round(ms * 10) / 10

/** What the benchmarks trace: the timeline's details name the traced page's frames and processes. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.resource']

/**
 * Sums the traced page's renderer main thread by kind of work. Chromium's own web-based UI
 * runs in renderers too, so only the processes of the traced page's frames count: those the
 * trace started with, and those its frames moved to on navigating.
 */
/** The marks dom-measure's probe puts on the timeline at a measurement's start and end. */
export const MEASURED = { from: 'mutual-measure-start', until: 'mutual-measure-end' } as const

export const summariseTrace = (traceJson: Buffer | string, only: 'whole trace' | 'last measurement' = 'whole trace'): TraceSummary => {
  const parsed = JSON.parse(traceJson.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[]
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents
  const started = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames ?? []
  const frames = new Set(started.map((f) => f.frame))
  const pagePids = new Set(started.map((f) => f.processId))
  for (const e of events) {
    const data = e.args?.data
    if (e.name === 'FrameCommittedInBrowser' && data?.frame && frames.has(data.frame) && data.processId !== undefined) pagePids.add(data.processId)
  }
  // A trace without the timeline's details names no frames: then every renderer counts.
  const ofPage = (pid: number): boolean => pagePids.size === 0 || pagePids.has(pid)
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && ofPage(e.pid))
      .map((e) => `${e.pid}:${e.tid}`)
  )
  const [from, until] = only === 'whole trace' ? [-Infinity, Infinity] : measuredInterval(events)
  const complete = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`) && KINDS[e.name])
    .filter((e) => e.ts >= from && e.ts < until)
    .sort((a, b) => a.ts - b.ts)
  const byKind: Record<string, number> = {}
  // Per kind, the end of the outermost event seen so far: a nested one of the same kind is skipped.
  const openUntil: Record<string, number> = {}
  const layouts: number[] = []
  for (const event of complete) {
    const kind = KINDS[event.name] as string
    const end = event.ts + (event.dur ?? 0)
    if ((openUntil[kind] ?? -1) >= end) continue
    openUntil[kind] = end
    byKind[kind] = (byKind[kind] ?? 0) + (event.dur ?? 0) / 1000
    if (event.name === 'Layout') layouts.push((event.dur ?? 0) / 1000)
  }
  for (const kind of Object.keys(byKind)) byKind[kind] = round(byKind[kind] as number)
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && mainThreads.has(`${e.pid}:${e.tid}`) && e.ts >= from && e.ts < until)
  const sum = (pick: (e: TraceEvent) => number | undefined): number => round(tasks.reduce((n, e) => n + (pick(e) ?? 0), 0) / 1000)
  return {
    byKind,
    longestLayoutsMs: layouts.sort((a, b) => b - a).slice(0, 5).map(round),
    tasks: { wallMs: sum((e) => e.dur), cpuMs: sum((e) => e.tdur) }
  }
}

/** When the trace's last measurement started and ended (its probe's marks), in trace time. */
const measuredInterval = (events: TraceEvent[]): [number, number] => {
  const marks = (message: string): number[] => events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message === message).map((e) => e.ts)
  const until = Math.max(...marks(MEASURED.until))
  const from = Math.max(...marks(MEASURED.from).filter((ts) => ts < until))
  if (!Number.isFinite(from) || !Number.isFinite(until)) throw new Error('The trace holds no measurement marked by the probe (dom-measure)')
  return [from, until]
}
