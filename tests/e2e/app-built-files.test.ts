import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAppServer, type AppServer } from './support/app-server'

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
})
