import type { Plugin } from 'vite'
import { connectSourcesFromEnv, contentSecurityPolicy, inlineScriptsOf } from './content-security-policy.mjs'

/**
 * Writes the app's Content-Security-Policy (scripts/content-security-policy.mjs) into the
 * built page as a <meta>, straight after `<meta charset>` and so before every script: a
 * policy in a <meta> governs only what comes after it. Listed after charsetFirst and run last,
 * once every plugin has put its scripts in, so the hashes cover the page's final inline scripts.
 * The development server has none: Vite's own live reload needs inline scripts.
 */
export const cspMeta = (): Plugin => ({
  name: 'mutual-csp-meta',
  apply: 'build',
  enforce: 'post',
  transformIndexHtml: {
    order: 'post',
    handler: (html) => {
      const policy = contentSecurityPolicy({ inlineScripts: inlineScriptsOf(html), connectSources: connectSourcesFromEnv() })
      const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}" />`
      return html.replace(/(<meta charset=[^>]*>)/i, (charset) => `${charset}\n    ${meta}`)
    }
  }
})
