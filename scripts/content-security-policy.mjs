// The Content-Security-Policy of the built app (issue #9): in the page itself, as a <meta> the
// build writes ahead of every script, and as a header from `npm start` (scripts/serve.mjs),
// which can also say what a <meta> cannot (frame-ancestors). One policy, built here for both.
//
// - Scripts only from the app's own origin, plus inline scripts by their SHA-256 (the early
//   read the build inlines into the head): an injected inline script does not run.
// - Connections only to the app's own origin (which serves /signal and /relay; 'self' covers
//   ws:// and wss:// on it) and the addresses the host lists in MUTUAL_CONNECT_SRC, separated
//   by spaces: signalling servers and relays elsewhere. A server someone adds in Connection
//   settings that is not listed there is refused by the browser. WebRTC's STUN and TURN
//   traffic is not governed by connect-src; the app contacts only the ICE servers set in
//   Connection settings.
// - Styles may be inline: the editor and the app set style attributes; every value that comes
//   from another device is checked against the app's palettes first.
import { createHash } from 'node:crypto'

/** Addresses a host may list: http(s) or ws(s) origins, optionally with a path; no wildcard hosts. */
const ALLOWED_SOURCE = /^(https?|wss?):\/\/[a-z0-9.-]+(:\d{1,5})?(\/[\w./-]*)?$/i

/** The MUTUAL_CONNECT_SRC list, checked: an address that is not one is a mistake to stop on. */
export const connectSourcesFromEnv = (env = process.env) => {
  const listed = (env.MUTUAL_CONNECT_SRC ?? '').split(/\s+/).filter(Boolean)
  for (const source of listed) {
    if (!ALLOWED_SOURCE.test(source)) throw new Error(`MUTUAL_CONNECT_SRC: "${source}" is not an http(s) or ws(s) address`)
  }
  return listed
}

/** 'sha256-…' of an inline script's exact text, as CSP hashes it. */
export const scriptHash = (code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi

/** The text of every inline script of a page. */
export const inlineScriptsOf = (html) => [...html.matchAll(INLINE_SCRIPT)].map((match) => match[1] ?? '')

/**
 * The policy. `forHeader` adds what only a header can carry: frame-ancestors (a <meta> policy
 * ignores it), so no other site can frame the app to trick someone into clicking in it.
 */
export const contentSecurityPolicy = ({ inlineScripts = [], connectSources = [], forHeader = false }) =>
  [
    "default-src 'self'",
    `script-src 'self' ${inlineScripts.map(scriptHash).join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${connectSources.join(' ')}`.trim(),
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(forHeader ? ["frame-ancestors 'none'"] : [])
  ].join('; ')

/** The headers `npm start` sends with the app, the policy's hashes taken from the built page. */
export const appSecurityHeaders = (indexHtml, env = process.env) => ({
  'Content-Security-Policy': contentSecurityPolicy({
    inlineScripts: inlineScriptsOf(indexHtml),
    connectSources: connectSourcesFromEnv(env),
    forHeader: true
  }),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer'
})
