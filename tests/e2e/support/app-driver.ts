import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** What a person types to set up their profile. */
export interface PersonDetails {
  name: string
  organisation: string
  colour?: string
}

/** Fills in the first-run profile form the way a person would. */
export const setUpProfile = async (page: Page, person: PersonDetails): Promise<void> => {
  await page.getByRole('heading', { name: 'Welcome to Mutual' }).waitFor()
  await page.getByLabel('Your name').fill(person.name)
  await page.getByLabel('Council or organisation').fill(person.organisation)
  if (person.colour) await page.getByRole('radio', { name: person.colour }).check()
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await page.getByRole('heading', { name: 'Your workspaces' }).waitFor()
}

export interface LabDetails {
  name: string
  leadCouncil: string
  partnerCouncils?: string[]
  description?: string
  startDate?: string
}

/** Creates a workspace through the form and waits for its overview. */
export const createWorkspaceThroughUi = async (page: Page, lab: LabDetails): Promise<void> => {
  await page.getByRole('link', { name: 'New workspace' }).click()
  await page.getByRole('heading', { name: 'New policy lab workspace' }).waitFor()
  await page.getByLabel('Lab name').fill(lab.name)
  await page.getByLabel('Lead council').fill(lab.leadCouncil)
  if (lab.partnerCouncils) await page.getByLabel('Partner councils').fill(lab.partnerCouncils.join('\n'))
  if (lab.description) await page.getByLabel('Short description').fill(lab.description)
  if (lab.startDate) await page.getByLabel('Start date').fill(lab.startDate)
  await page.getByRole('button', { name: 'Create workspace' }).click()
  await page.getByRole('heading', { level: 1, name: lab.name, exact: true }).waitFor()
}

/** A person's first visit to the app: their profile, then a new workspace of theirs, on its overview. */
export const startLab = async (page: Page, appUrl: string, owner: PersonDetails, lab: string): Promise<void> => {
  await page.goto(appUrl)
  await setUpProfile(page, owner)
  await createWorkspaceThroughUi(page, { name: lab, leadCouncil: owner.organisation })
}

/** Waits until a locator-free condition in the page holds, with a clear failure message. */
export const expectText = async (page: Page, text: string): Promise<void> => {
  await page.getByText(text, { exact: false }).first().waitFor()
  expect(await page.getByText(text, { exact: false }).count()).toBeGreaterThan(0)
}

/** Collects uncaught errors in the page, so a test can require that there were none. */
export const collectPageErrors = (page: Page): string[] => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

/** Goes back to the list of workspaces through the header, as a person would. */
export const goToWorkspaceList = async (page: Page): Promise<void> => {
  await page.getByRole('link', { name: 'Mutual', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Your workspaces' }).waitFor()
}

/** The overview's details as label → value text, read from its description list. */
export const readOverviewDetails = (page: Page): Promise<Record<string, string>> =>
  page.locator('dl.overview-details').evaluate((dl) => {
    const result: Record<string, string> = {}
    for (const dt of Array.from(dl.querySelectorAll('dt'))) {
      const dd = dt.nextElementSibling
      result[dt.textContent?.trim() ?? ''] = (dd as HTMLElement | null)?.innerText.trim().replace(/\s+/g, ' ') ?? ''
    }
    return result
  })

/**
 * Presses Tab until the focused element has the accessible name wanted, checking on the way
 * that every element reached shows a visible focus indicator. Fails after `max` presses.
 */
export const tabTo = async (page: Page, name: string | RegExp, max = 40, key = 'Tab'): Promise<void> => {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key)
    const focused = await describeFocus(page)
    expect(focused.visible, `focus indicator on ${focused.name} (${focused.tag}): ${focused.style}`).toBe(true)
    if (typeof name === 'string' ? focused.name === name : name.test(focused.name)) return
  }
  throw new Error(`Could not reach “${String(name)}” with ${key} in ${max} presses`)
}

/** What has focus: its tag, a name (label, aria-label or text) and whether focus shows. */
export const describeFocus = (page: Page): Promise<{ tag: string; name: string; visible: boolean; style: string }> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { tag: 'body', name: '', visible: false, style: '' }
    const labelled = el.getAttribute('aria-labelledby')
    const label =
      el.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      (el as HTMLInputElement).labels?.[0]?.textContent ??
      el.textContent ??
      ''
    const style = getComputedStyle(el)
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
    const labelRing = (() => {
      // A visually hidden file input shows its focus on the label that wraps it.
      const wrap = el.closest('label')
      if (!wrap || wrap === el) return false
      const s = getComputedStyle(wrap)
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
    })()
    return {
      tag: el.tagName.toLowerCase(),
      name: label.trim().replace(/\s+/g, ' '),
      // A date field's calendar button has focus inside the field, which then is :focus only.
      visible: (el.matches(':focus-visible') || el.matches("input[type='date']:focus-within")) && (ring || labelRing),
      style: `focus-visible=${el.matches(':focus-visible')} outline=${style.outlineStyle} ${style.outlineWidth} shadow=${style.boxShadow}`
    }
  })

/**
 * Starts watching a button by its text, every frame: whenever it is busy (disabled, or
 * aria-disabled), whether it has keyboard focus. The returned function stops the watch and
 * gives one entry per busy frame seen. A `disabled` button loses focus to the page; a busy
 * button should keep it (aria-disabled).
 */
export const recordFocusWhileBusy = async (page: Page, text: string): Promise<() => Promise<boolean[]>> => {
  const key = `__focusWhileBusy_${Math.random().toString(36).slice(2)}`
  await page.evaluate(
    ({ key, text }) => {
      const seen: boolean[] = []
      const store = window as unknown as Record<string, { seen: boolean[]; stop: boolean }>
      store[key] = { seen, stop: false }
      const tick = (): void => {
        if (store[key]?.stop) return
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)
        if (button && (button.disabled || button.getAttribute('aria-disabled') === 'true')) seen.push(document.activeElement === button)
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    },
    { key, text }
  )
  return () =>
    page.evaluate((key) => {
      const store = window as unknown as Record<string, { seen: boolean[]; stop: boolean }>
      const entry = store[key] as { seen: boolean[]; stop: boolean }
      entry.stop = true
      return entry.seen
    }, key)
}
