/**
 * Links in notes and reports may only go to web pages, e-mail addresses and phone numbers.
 * Anything else (javascript:, data:, vbscript:, file:, custom app schemes) is refused, whether
 * it was typed, pasted, or arrived from a peer running other code.
 */
const ALLOWED = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/** Characters browsers ignore inside a scheme ("java\nscript:"), which hide a scheme from a naive check. */
// eslint-disable-next-line no-control-regex
const IGNORED = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g

/** The link to store or render, or null if it is not safe. Bare domains get https://. */
export const safeHref = (raw: unknown): string | null => {
  if (typeof raw !== 'string') return null
  const trimmed = raw.trim()
  if (!trimmed || trimmed.length > 2048) return null
  const compact = trimmed.replace(IGNORED, '')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)
  let candidate = trimmed
  if (!scheme) {
    // "www.example.org/page" or "example.org": a web address without its scheme.
    if (!/^[\w-]+(\.[\w-]+)+([/?#:]|$)/.test(compact)) return null
    candidate = `https://${trimmed}`
  } else if (!ALLOWED.has(`${scheme[1]!.toLowerCase()}:`)) {
    return null
  }
  try {
    const url = new URL(candidate)
    if (!ALLOWED.has(url.protocol)) return null
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return null
    return url.href
  } catch {
    return null
  }
}
