import type { Page } from 'playwright-core'
import { en } from '../../../src/domain/i18n/messages-en'
import { cy } from '../../../src/domain/i18n/messages-cy'

/**
 * The English catalogue's fixed texts (messages with no {arguments}) that read differently in
 * Welsh: any of them on screen while the interface is Welsh is a string left unconverted.
 */
const ENGLISH_ONLY: string[] = (Object.keys(en) as (keyof typeof en)[])
  .filter((key) => !en[key].includes('{') && en[key] !== cy[key])
  .map((key) => en[key])

/**
 * Visible elements whose own text, or accessible label, is exactly an English catalogue
 * message. What people wrote (inside lang="", see src/ui/i18n/content-lang.ts) is theirs,
 * in whatever language they wrote it, and is skipped.
 */
export const englishStringsShown = (page: Page): Promise<string[]> =>
  page.evaluate((english) => {
    const wanted = new Set(english)
    const found: string[] = []
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (el.closest('[lang=""]') || el.closest('script, style, template')) continue
      const ownText = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim()
      const visible = el.getClientRects().length > 0 || el.classList.contains('visually-hidden')
      for (const text of [ownText, el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '']) {
        if (text && visible && wanted.has(text.trim())) found.push(`${el.tagName.toLowerCase()}: ${text.trim()}`)
      }
    }
    return found
  }, ENGLISH_ONLY)

/**
 * Text that does not fit its box: buttons, labels, headings, legends, tags and links styled
 * as buttons whose content is wider than the box (scrollWidth beyond clientWidth). Welsh runs
 * longer than English; it must wrap, not spill or be cut.
 */
export const overflowingText = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const found: string[] = []
    const selector = 'button, label, legend, h1, h2, h3, .tag, a.button, th, dt, [role="tab"]'
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (el.getClientRects().length === 0 || el.closest('.visually-hidden')) continue
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        found.push(`${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 60)}” ${el.scrollWidth} > ${el.clientWidth}`)
      }
    }
    return found
  })
