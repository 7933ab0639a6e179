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
  await page.getByRole('heading', { level: 1, name: lab.name }).waitFor()
}

/** Waits until a locator-free condition in the page holds, with a clear failure message. */
export const expectText = async (page: Page, text: string): Promise<void> => {
  await page.getByText(text, { exact: false }).first().waitFor()
  expect(await page.getByText(text, { exact: false }).count()).toBeGreaterThan(0)
}
