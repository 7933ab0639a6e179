// npm test: the type check, the unit tests, the app's build, then the end-to-end tests on that build.
//
// On a two-core machine vitest runs the unit files one at a time, leaving a core mostly idle for
// minutes; the type check and the build do not need the unit tests, so they run on that core
// beside them. Their output is printed whole once each ends, so it does not break
// into the unit tests' report. The end-to-end tests start only once all three have passed.
import { spawn } from 'node:child_process'

/** Runs a command of this package; its output streams through, or is kept and handed back when `quiet`. */
const run = (step, [command, ...args], { quiet = false } = {}) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' })
    const output = []
    child.stdout?.on('data', (chunk) => output.push(chunk))
    child.stderr?.on('data', (chunk) => output.push(chunk))
    child.on('error', (error) => resolve({ step, code: 1, output: Buffer.from(`${error.message}\n`) }))
    child.on('close', (code) => resolve({ step, code: code === null ? 1 : code, output: Buffer.concat(output) }))
  })

// One after the other, so together they take that one core and no more.
const beside = (async () => [
  await run('npm run typecheck', ['npm', 'run', '--silent', 'typecheck'], { quiet: true }),
  await run('npm run build', ['npm', 'run', '--silent', 'build'], { quiet: true })
])()
const unit = await run('the unit tests', ['npm', 'run', '--silent', 'test:unit'])
const results = [unit, ...(await beside)]
for (const { step, code, output } of results.slice(1)) {
  process.stdout.write(`\n> ${step} (beside the unit tests)\n`)
  process.stdout.write(output)
  if (code !== 0) process.stdout.write(`${step} failed (exit ${code})\n`)
}
const failed = results.filter(({ code }) => code !== 0)
if (failed.length > 0) {
  console.error(`\nnpm test stopped before the end-to-end tests: ${failed.map(({ step }) => step).join(', ')} failed.`)
  process.exit(1)
}
const e2e = await run('the end-to-end tests', ['npx', '--no-install', 'vitest', 'run', '--project', 'e2e'])
process.exit(e2e.code)
