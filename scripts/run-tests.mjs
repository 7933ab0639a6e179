// npm test: the unit tests, the app's build, the end-to-end tests on that build, and the type check.
//
// The end-to-end tests take most of the run, and on a two-core machine vitest runs the unit
// files one at a time, leaving a core mostly idle. So the build runs beside the unit tests, the
// end-to-end tests start as soon as it has passed (their Chromium processes wait on the network
// and timers much of the time), and the type check follows the build. Only the unit tests'
// report streams through as it comes; the others' output is kept and printed whole, each under
// its own heading, once the unit tests end, so reports never break into each other. The
// end-to-end tests stream from then on. Every step runs to its end: a failure anywhere fails
// the run, and the summary names each step that failed.
import { spawn } from 'node:child_process'

/**
 * Runs a command of this package. Its output streams through, or, when `quiet`, is kept until
 * `release()` is called: what was kept is written then, and the rest streams from there on.
 */
const start = (step, [command, ...args], { quiet = false } = {}) => {
  const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' })
  let kept = []
  const take = (chunk) => (kept ? kept.push(chunk) : process.stdout.write(chunk))
  child.stdout?.on('data', take)
  child.stderr?.on('data', take)
  const done = new Promise((resolve) => {
    child.on('error', (error) => {
      take(Buffer.from(`${error.message}\n`))
      resolve({ step, code: 1 })
    })
    child.on('close', (code) => resolve({ step, code: code === null ? 1 : code }))
  })
  return {
    done,
    release() {
      if (!kept) return
      process.stdout.write(Buffer.concat(kept))
      kept = null
    }
  }
}

const heading = (text) => process.stdout.write(`\n> ${text}\n`)

const unit = start('the unit tests', ['npm', 'run', '--silent', 'test:unit'])
const build = start('npm run build', ['npm', 'run', '--silent', 'build'], { quiet: true })
const buildResult = await build.done
// The end-to-end tests drive the built app: without a build there is nothing to drive.
const e2e =
  buildResult.code === 0
    ? start('the end-to-end tests', ['npx', '--no-install', 'vitest', 'run', '--project', 'e2e'], { quiet: true })
    : null
const typecheck = start('npm run typecheck', ['npm', 'run', '--silent', 'typecheck'], { quiet: true })

const unitResult = await unit.done
heading('npm run build (beside the unit tests)')
build.release()
if (buildResult.code !== 0) process.stdout.write(`npm run build failed (exit ${buildResult.code})\n`)
const typecheckResult = await typecheck.done
heading('npm run typecheck (beside the unit tests)')
typecheck.release()
if (typecheckResult.code !== 0) process.stdout.write(`npm run typecheck failed (exit ${typecheckResult.code})\n`)

const results = [unitResult, buildResult, typecheckResult]
if (e2e) {
  heading('the end-to-end tests (started once the build had passed)')
  e2e.release()
  results.push(await e2e.done)
} else {
  results.push({ step: 'the end-to-end tests (not run: the build failed)', code: 1 })
}
const failed = results.filter(({ code }) => code !== 0)
if (failed.length > 0) {
  console.error(`\nnpm test failed: ${failed.map(({ step }) => step).join(', ')}.`)
  process.exit(1)
}
