// `npm run bench [-- <bench file or name filter>...]`: builds the app (into MUTUAL_DIST, or
// dist/), runs the benchmarks in tests/bench/**/*.bench.ts (vitest project "bench"), then
// prints each bench's figures as one JSON object on stdout. Build and progress output go to
// stderr, so `npm run -s bench > figures.json` keeps only the figures. Benchmarks never fail
// on a time; this exits non-zero only when a bench hit a real error.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const resultsDir = join(root, 'tests/bench/results')
const bin = (name) => join(root, 'node_modules/.bin', name)
const filters = process.argv.slice(2)

// Child output goes to our stderr: stdout is for figures only.
const run = (command, args, env = process.env) =>
  spawnSync(command, args, { cwd: root, env, stdio: ['ignore', process.stderr, process.stderr] }).status ?? 1

if (process.env.MUTUAL_BENCH_SKIP_BUILD !== '1') {
  process.stderr.write(`Building the app into ${process.env.MUTUAL_DIST ?? 'dist'}/ …\n`)
  if (run(bin('vite'), ['build']) !== 0) {
    process.stderr.write('The build failed, so no benchmark ran.\n')
    process.exit(1)
  }
}

const out = mkdtempSync(join(tmpdir(), 'mutual-bench-'))
const status = run(bin('vitest'), ['run', '--project', 'bench', ...filters], { ...process.env, MUTUAL_BENCH_OUT: out })

mkdirSync(resultsDir, { recursive: true })
const files = readdirSync(out).filter((f) => f.endsWith('.json')).sort()
for (const file of files) {
  process.stdout.write(readFileSync(join(out, file), 'utf8'))
  copyFileSync(join(out, file), join(resultsDir, file))
}
rmSync(out, { recursive: true, force: true })
if (files.length === 0) process.stderr.write('No benchmark printed any figures.\n')
else process.stderr.write(`Figures also kept in tests/bench/results/ (${files.join(', ')}).\n`)
process.exit(status)
