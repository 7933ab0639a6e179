import type { Plugin } from 'vite'

const CHARSET = /<meta\s+charset=["']?[\w-]+["']?\s*\/?>\s*/i

/**
 * Moves `<meta charset>` to the very start of the built page's head. A browser only honours
 * it within the first 1024 bytes, and the scripts other plugins put at the head's start (the
 * early read, inlined, is several kilobytes) would otherwise push it past that. Listed after
 * every plugin that adds to the head, and run last of them, so nothing lands before it.
 */
export const charsetFirst = (): Plugin => ({
  name: 'mutual-charset-first',
  enforce: 'post',
  transformIndexHtml: {
    order: 'post',
    handler: (html) => moveCharsetFirst(html)
  }
})

export const moveCharsetFirst = (html: string): string => {
  const charset = CHARSET.exec(html)
  if (!charset) return html
  const without = html.replace(CHARSET, '')
  return without.replace(/<head([^>]*)>\s*/i, (head) => `${head.trimEnd()}\n    ${charset[0].trim()}\n    `)
}
