/**
 * Long names, as people really have them: a Welsh place name of 58 letters with no space in
 * it, a long name in the profile, a description pasted from elsewhere. On a phone and on a
 * desktop, nothing runs off the screen or makes the page scroll sideways, and a dialog's
 * buttons still say what they do.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, goToWorkspaceList, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { useTestBed } from './support/test-bed'

const bed = useTestBed()

const PLACE = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch'
const LAB = `${PLACE} lab`
const PERSON = 'Angharad Llewelyn-Wynne ap Gruffydd, Swyddog Datblygu Cymunedol'

/** Whether anything sticks out of the page sideways: what a person would have to scroll to. */
const sidewaysOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

/** Elements whose own text is cut off (wider than the box that shows it); not text for screen readers only. */
const clipped = (page: Page, selector: string): Promise<string[]> =>
  page.locator(selector).evaluateAll((els) =>
    els
      // Text for screen readers only (the visually-hidden pattern: 1 px wide) is clipped by design.
      .filter((el) => !el.closest('.visually-hidden') && el.getBoundingClientRect().width > 1 && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}: ${el.textContent?.slice(0, 40)}`)
  )

describe('long names', () => {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 900 }
  ]) {
    it(`wrap instead of running off a ${viewport.width}px screen`, async () => {
      const context = await bed.browser.newContext({ viewport })
      const page = await context.newPage()
      await page.goto(bed.server.url)
      await setUpProfile(page, { name: PERSON, organisation: 'Cyngor Sir Ynys Môn' })
      await createWorkspaceThroughUi(page, {
        name: LAB,
        leadCouncil: 'Cyngor Sir Ynys Môn',
        partnerCouncils: [`Cyngor Cymuned ${PLACE}`],
        description: `Notes pasted from a spreadsheet: ${'x'.repeat(300)}`
      })
      expect(await sidewaysOverflow(page)).toBe(0)
      expect(await clipped(page, 'h1, h2, .app-header *')).toEqual([])
      await expectNoAxeViolations(page, `the overview of a lab with a long name at ${viewport.width}px`)

      await goToWorkspaceList(page)
      await page.getByRole('link', { name: LAB }).waitFor()
      expect(await sidewaysOverflow(page)).toBe(0)

      await page.getByRole('button', { name: `Delete ${LAB}` }).click()
      const dialog = page.getByRole('dialog', { name: `Delete “${LAB}” from this device?` })
      await dialog.waitFor()
      expect(await sidewaysOverflow(page)).toBe(0)
      expect(await clipped(page, 'dialog h2, dialog button')).toEqual([])
      await dialog.getByRole('button', { name: 'Cancel' }).click()
      await context.close()
    })
  }
})
