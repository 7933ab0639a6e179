// scripts/relay-server.mjs in a child process, for tests that kill it (SIGKILL mid-append),
// restart it on the same port, or run two relay processes on one database.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('../../../scripts/relay-server.mjs', import.meta.url))
const LISTENING = /Mutual relay listening on (ws:\/\/127\.0\.0\.1:(\d+)\/relay)/

export type RelayProcessOptions = (
  | { /** PostgreSQL (DATABASE_URL) */ databaseUrl: string; dataDir?: undefined }
  | { /** PGlite's folder (MUTUAL_RELAY_DATA); the caller removes it */ dataDir: string; databaseUrl?: undefined }
) & {  /** 0 (default) picks a free port; restart() reuses the one it got. */
  port?: number
  /** A PostgreSQL schema of the run's own (MUTUAL_RELAY_SCHEMA). */
  schema?: string
  /** More environment, e.g. MUTUAL_RELAY_MAX_CONNECTIONS_PER_ADDRESS. */
  env?: Record<string, string>
}

export interface RelayProcess {
  /** ws://127.0.0.1:PORT/relay (the same after restart()) */
  url: string
  pid(): number
  /** Everything the child printed, both streams. */
  output(): string
  /** Sends `signal` (SIGKILL by default) and waits for the child to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>
  /** Starts it again on the same port and data; after kill(). */
  restart(): Promise<void>
  /** SIGTERM and wait; safe to call more than once. */
  stop(): Promise<void>
}

const running = new Set<ChildProcess>()

/** Kills every relay child still running (call from afterEach/afterAll). */
export const stopRelayProcesses = async (): Promise<void> => {
  await Promise.all([...running].map((child) => exitOf(child, 'SIGKILL')))
}

const exitOf = (child: ChildProcess, signal: NodeJS.Signals): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill(signal)
  })

/** Starts the child and waits (as long as it takes) for its "listening" line, or its exit. */
const launch = (options: RelayProcessOptions, port: number, log: string[]) =>
  new Promise<{ child: ChildProcess; url: string; port: number }>((resolve, reject) => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl ?? '',
      MUTUAL_RELAY_DATA: options.dataDir ?? '',
      MUTUAL_RELAY_SCHEMA: options.schema ?? '',
      MUTUAL_RELAY_MAX_CONNECTIONS_PER_ADDRESS: '1000',
      ...options.env
    }
    const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    running.add(child)
    let stdout = ''
    const onOutput = (chunk: Buffer) => {
      log.push(chunk.toString('utf8'))
    }
    child.stderr?.on('data', onOutput)
    child.stdout?.on('data', (chunk: Buffer) => {
      onOutput(chunk)
      stdout += chunk.toString('utf8')
      const match = LISTENING.exec(stdout)
      if (match) resolve({ child, url: match[1] as string, port: Number(match[2]) })
    })
    child.once('exit', (code, signal) => {
      running.delete(child)
      reject(new Error(`The relay process ended (${signal ?? code}) before it listened:\n${log.join('')}`))
    })
  })

export const startRelayProcess = async (options: RelayProcessOptions): Promise<RelayProcess> => {
  const log: string[] = []
  let current = await launch(options, options.port ?? 0, log)
  const { url, port } = current
  return {
    url,
    pid: () => current.child.pid ?? -1,
    output: () => log.join(''),
    kill: (signal = 'SIGKILL') => exitOf(current.child, signal),
    async restart() {
      await exitOf(current.child, 'SIGKILL')
      current = await launch(options, port, log)
    },
    stop: () => exitOf(current.child, 'SIGTERM')
  }
}
