import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The parts of a Chromium CPU profile (CDP Profiler.stop) read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]
  samples: number[]
  timeDeltas: number[]
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Decodes a source map's `mappings` (base64 VLQ) into, per generated line, sorted segments. */
const decodeMappings = (mappings: string): number[][][] => {
  const lines: number[][][] = []
  const state = [0, 0, 0, 0, 0]
  for (const line of mappings.split(';')) {
    state[0] = 0
    const segments: number[][] = []
    for (const text of line.split(',')) {
      if (!text) continue
      const values: number[] = []
      let value = 0
      let shift = 0
      for (const char of text) {
        const digit = BASE64.indexOf(char)
        value += (digit & 31) << shift
        if (digit & 32) shift += 5
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1)
          value = 0
          shift = 0
        }
      }
      values.forEach((v, i) => (state[i] = (state[i] as number) + v))
      segments.push(state.slice(0, values.length))
    }
    lines.push(segments)
  }
  return lines
}

interface SourceMapLookup {
  (line: number, column: number): { source: string; line: number; name: string | null } | null
}

const loadSourceMap = (file: string): SourceMapLookup | null => {
  if (!existsSync(file)) return null
  const map = JSON.parse(readFileSync(file, 'utf8')) as { sources: string[]; names: string[]; mappings: string }
  const lines = decodeMappings(map.mappings)
  return (line, column) => {
    const segments = lines[line] ?? []
    let found: number[] | null = null
    for (const segment of segments) {
      if ((segment[0] as number) > column) break
      found = segment
    }
    if (!found || found.length < 4) return null
    const source = (map.sources[found[1] as number] ?? '?').replace(/^(\.\.\/)+/, '')
    return { source, line: (found[2] as number) + 1, name: found.length > 4 ? (map.names[found[4] as number] ?? null) : null }
  }
}

/** Which part of the code a source path belongs to, for the "where the time goes" table. */
const areaOf = (source: string): string => {
  const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  if (pkg) return pkg[1] as string
  const own = source.match(/src\/([^/]+)\//)
  if (own) return `src/${own[1]}`
  return source
}

export interface ProfileSummary {
  totalMs: number
  byArea: { area: string; selfMs: number }[]
  topFunctions: { selfMs: number; function: string; at: string }[]
}

/**
 * Self time of a CPU profile by area (package or src/ layer, via the build's source maps)
 * and by function, biggest first. `(program)`, `(garbage collector)` and `(idle)` are
 * Chromium's own buckets.
 */
export const summariseProfile = (profile: CpuProfile, distDir: string, top = 25): ProfileSummary => {
  const selfUs = new Map<number, number>()
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number
    const delta = profile.timeDeltas[i + 1] ?? 0
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta)
  }
  const maps = new Map<string, SourceMapLookup | null>()
  const lookup = (url: string): SourceMapLookup | null => {
    if (!maps.has(url)) {
      const path = url.replace(/^https?:\/\/[^/]+\//, '').split('?')[0] as string
      maps.set(url, url.startsWith('http') ? loadSourceMap(join(distDir, `${path}.map`)) : null)
    }
    return maps.get(url) ?? null
  }
  const byArea = new Map<string, number>()
  const byFunction = new Map<string, { selfUs: number; function: string; at: string }>()
  let total = 0
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0
    if (us === 0) continue
    total += us
    const frame = node.callFrame
    const mapped = frame.url ? lookup(frame.url)?.(frame.lineNumber, frame.columnNumber) ?? null : null
    const area = mapped ? areaOf(mapped.source) : frame.url ? frame.url.replace(/^https?:\/\/[^/]+\//, '') : frame.functionName || '(anonymous)'
    byArea.set(area, (byArea.get(area) ?? 0) + us)
    const name = mapped?.name ?? (frame.functionName || '(anonymous)')
    const at = mapped ? `${mapped.source}:${mapped.line}` : frame.url ? `${frame.url}:${frame.lineNumber + 1}` : ''
    const key = `${name} ${at}`
    const entry = byFunction.get(key) ?? { selfUs: 0, function: name, at }
    entry.selfUs += us
    byFunction.set(key, entry)
  }
  const ms = (us: number): number => Math.round(us / 100) / 10
  return {
    totalMs: ms(total),
    byArea: [...byArea.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([area, us]) => ({ area, selfMs: ms(us) })),
    topFunctions: [...byFunction.values()]
      .sort((a, b) => b.selfUs - a.selfUs)
      .slice(0, top)
      .map((f) => ({ selfMs: ms(f.selfUs), function: f.function, at: f.at }))
  }
}
