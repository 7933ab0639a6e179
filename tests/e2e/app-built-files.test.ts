import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAppServer, type AppServer } from './support/app-server'
import { launchBrowser } from './support/chromium'
import { startServeScript } from './support/serve-script'
import { inlineScriptsOf, scriptHash } from '../../scripts/content-security-policy.mjs'

/** A policy's directives by name, each with its list of sources. */
const directives = (policy: string): Map<string, string[]> =>
  new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name as string, sources])
  )

/**
 * What the build writes, as the server sends it: checks on the page's head and the service
 * worker's precache list that no screen would show until something went wrong.
 */
describe('the built app', () => {
  let server: AppServer
  beforeAll(async () => {
    server = await startAppServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('declares its character set first in the head, within the first 1024 bytes', async () => {
    const bytes = new Uint8Array(await (await fetch(server.url)).arrayBuffer())
    const html = new TextDecoder().decode(bytes)
    const head = /<head[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? ''
    const firstElement = /<([a-z]+)[^>]*>/i.exec(head)?.[0] ?? ''
    expect(firstElement).toMatch(/^<meta charset="utf-8"\s*\/?>$/i)
    const charsetAt = new TextDecoder().decode(bytes.slice(0, 1024)).search(/<meta charset="utf-8"/i)
    expect(charsetAt).toBeGreaterThanOrEqual(0)
    // Exactly one declaration: a second one later would be ignored, or worse, disagree.
    expect(html.match(/<meta charset/gi)?.length).toBe(1)
  })

  it('saves the file-check worker for offline use with the rest of the app, and takes over the open page once saved', async () => {
    const assets = fileURLToPath(new URL(`../../${process.env.MUTUAL_DIST ?? 'dist'}/assets/`, import.meta.url))
    const workers = readdirSync(assets).filter((name) => /^apply-update\.worker-[\w-]+\.js$/.test(name))
    expect(workers).toHaveLength(1)
    const serviceWorker = await (await fetch(new URL('sw.js', server.url))).text()
    expect(serviceWorker).toContain(`"assets/${workers[0]}"`)
    // Without taking over the page it was installed from, a first visit fetches the worker
    // from the network even after the app was saved, and offline that fails.
    expect(serviceWorker).toMatch(/clientsClaim\(\)|clients\.claim\(\)/)
  })

  it('carries a Content-Security-Policy ahead of every script: inline scripts only by hash, connections only to its own origin', async () => {
    const html = await (await fetch(server.url)).text()
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/i.exec(html)
    expect(meta).not.toBeNull()
    expect(html.indexOf(meta?.[0] ?? '')).toBeLessThan(html.search(/<script/i))
    const policy = directives(meta?.[1] ?? '')
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'")
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'")
    for (const code of inlineScriptsOf(html)) expect(policy.get('script-src')).toContain(scriptHash(code))
    expect(policy.get('connect-src')).toEqual(["'self'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
  })

  it('in Chromium, runs none of an injected inline script and connects nowhere else, and the app still starts', async () => {
    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      const requests: string[] = []
      const errors: string[] = []
      page.on('request', (request) => requests.push(request.url()))
      page.on('pageerror', (error) => errors.push(error.message))
      await page.goto(server.url)
      await page.getByRole('heading', { level: 1 }).first().waitFor()
      const outcome = await page.evaluate(async () => {
        const violations: string[] = []
        document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective))
        const script = document.createElement('script')
        script.textContent = 'window.injectedScriptRan = true'
        document.body.append(script)
        const fetched = await fetch('https://tracker.example/collect').then(
          () => 'fetched',
          () => 'refused'
        )
        const socket = await new Promise<string>((resolve) => {
          try {
            const ws = new WebSocket('ws://127.0.0.1:9/elsewhere')
            ws.onopen = () => resolve('open')
            ws.onerror = () => resolve('refused')
          } catch {
            resolve('refused')
          }
        })
        // Violation events are dispatched as tasks: let them arrive.
        await new Promise((resolve) => setTimeout(resolve, 0))
        return { ran: (window as { injectedScriptRan?: boolean }).injectedScriptRan === true, fetched, socket, violations }
      })
      expect(outcome.ran).toBe(false)
      expect(outcome.fetched).toBe('refused')
      expect(outcome.socket).toBe('refused')
      expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']))
      expect(requests.filter((url) => !url.startsWith(server.url))).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await browser.close()
    }
  })

  it('is served by `npm start` with the same policy as a header, which also forbids framing', async () => {
    const served = await startServeScript()
    try {
      const response = await fetch(served.url)
      const html = await response.text()
      const header = directives(response.headers.get('content-security-policy') ?? '')
      expect(header.get('frame-ancestors')).toEqual(["'none'"])
      expect(header.get('connect-src')).toEqual(["'self'"])
      for (const code of inlineScriptsOf(html)) expect(header.get('script-src')).toContain(scriptHash(code))
      expect(header.get('script-src')).not.toContain("'unsafe-inline'")
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    } finally {
      await served.stop()
    }
  })
})
