// `npm start`'s server (scripts/serve.mjs, over the already-built app) in a child process, to
// check what it sends. Its relay keeps its data in a temporary folder, removed on stop().
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('../../../scripts/serve.mjs', import.meta.url))
const RUNNING = /Mutual is running at (http:\/\/127\.0\.0\.1:\d+\/)/

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })

export const startServeScript = async (): Promise<{ url: string; stop(): Promise<void> }> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mutual-serve-'))
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, PORT: String(await freePort()), MUTUAL_RELAY_DATA: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
    rmSync(dataDir, { recursive: true, force: true })
  }
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = RUNNING.exec(output)
      if (match?.[1]) resolve(match[1])
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.once('exit', () => reject(new Error(`serve.mjs exited before it was running:\n${output}`)))
  }).catch(async (error: unknown) => {
    await stop()
    throw error
  })
  return { url, stop }
}
