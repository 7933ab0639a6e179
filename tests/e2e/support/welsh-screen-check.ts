import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { expectNoAxeViolations } from './axe'
import { englishStringsShown, overflowingText } from './language-checks'

const WIDTHS = [390, 1280] as const

/**
 * The checks every screen gets in Welsh, on a phone and a desktop: lang on the page, no English
 * catalogue string shown, no text spilling out of its box, axe clean.
 */
export const checkWelshScreen = async (page: Page, screen: string): Promise<void> => {
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('cy-GB')
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 })
    // On a phone the workspace's navigation folds behind "Dewislen": its content is the screen.
    await expect.poll(() => englishStringsShown(page), { message: `English shown on ${screen} at ${width} px` }).toEqual([])
    await expect(overflowingText(page), `text overflowing on ${screen} at ${width} px`).resolves.toEqual([])
    await expectNoAxeViolations(page, `${screen} in Welsh at ${width} px`)
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}
