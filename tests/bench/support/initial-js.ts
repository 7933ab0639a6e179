import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface InitialJs {
  files: { file: string; bytes: number; gzipBytes: number }[]
  bytes: number
  gzipBytes: number
}

/**
 * The JavaScript a first visit must fetch before the app can start: the module scripts and
 * modulepreloads that the built index.html references (lazy chunks are not counted). Each
 * file is gzipped on its own with node:zlib's default level, as a server would send it.
 */
export const measureInitialJs = (distDir: string): InitialJs => {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const refs = new Set<string>()
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith('<script') && /\bsrc="([^"]+)"/.test(tag)
    const isPreload = tag.startsWith('<link') && /\brel="modulepreload"/.test(tag)
    const url = (tag.match(/\b(?:src|href)="([^"]+)"/) ?? [])[1]
    if ((isScript || isPreload) && url && !/^[a-z]+:/i.test(url)) refs.add(url.replace(/^\.?\//, ''))
  }
  if (refs.size === 0) throw new Error(`${distDir}/index.html references no scripts: is the build there?`)
  const files = [...refs].sort().map((file) => {
    const content = readFileSync(join(distDir, file))
    return { file, bytes: content.byteLength, gzipBytes: gzipSync(content).byteLength }
  })
  return {
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0)
  }
}
