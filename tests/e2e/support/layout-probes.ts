import type { Locator, Page } from 'playwright-core'

/**
 * The words in these elements' text that are split over two lines ("Owne/r", "Sta/rt"): each
 * word is measured as a range of its own, which gives one box per line it lies on. A word
 * joined to its neighbour by punctuation ("Role:") counts as one.
 */
export const brokenWords = (elements: Locator): Promise<string[]> =>
  elements.evaluateAll((roots) => {
    const broken: string[] = []
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange()
          range.setStart(node, match.index)
          range.setEnd(node, match.index + match[0].length)
          const lines = new Set([...range.getClientRects()].filter((box) => box.width > 0).map((box) => Math.round(box.top)))
          if (lines.size > 1) broken.push(match[0])
        }
      }
    }
    return broken
  })

/** How far the page is wider than the window: 0 when nothing scrolls sideways. */
export const sidewaysOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

/** Each select's label (or id) and height in CSS px, each scrolled into view first (parts of long pages are laid out only on screen). */
export const selectHeights = async (scope: Locator | Page): Promise<{ name: string; height: number }[]> => {
  const heights: { name: string; height: number }[] = []
  for (const select of await scope.locator('select').all()) {
    await select.evaluate(async (el) => {
      el.scrollIntoView({ block: 'center' })
      // Two frames: the part it is in is laid out once it is seen to be on screen.
      for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame)
    })
    if (!(await select.isVisible())) continue
    const name = await select.evaluate((el) => (el as HTMLSelectElement).labels?.[0]?.textContent?.trim() || el.id)
    heights.push({ name, height: (await select.boundingBox())?.height ?? 0 })
  }
  return heights
}
