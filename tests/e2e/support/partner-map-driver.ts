import type { Download, Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

/** How a person drives the partner map: by roles and labels, as they read on screen. */

export interface PartnerDetails {
  name: string
  type?: string
  region?: string
  role?: string
  status?: string
  website?: string
  notes?: string
}

export const partnerDialog = (page: Page, name: string | RegExp): Locator => page.getByRole('dialog', { name })

/** Fills the details form in a dialog (only the fields given). */
export const fillPartnerDetails = async (dialog: Locator, partner: Partial<PartnerDetails>): Promise<void> => {
  if (partner.name !== undefined) await dialog.getByLabel('Organisation name').fill(partner.name)
  if (partner.type) await dialog.getByLabel('Type', { exact: true }).selectOption({ label: partner.type })
  if (partner.region !== undefined) await dialog.getByLabel('Region', { exact: true }).fill(partner.region)
  if (partner.role) await dialog.getByLabel('Role in the lab').selectOption({ label: partner.role })
  if (partner.status) await dialog.getByLabel('Status of the approach').selectOption({ label: partner.status })
  if (partner.website !== undefined) await dialog.getByLabel('Website').fill(partner.website)
  if (partner.notes !== undefined) await dialog.getByLabel('Notes', { exact: true }).fill(partner.notes)
}

/** "Add partner", fill the form, submit; leaves the new partner's dialog open. */
export const addPartnerThroughUi = async (page: Page, partner: PartnerDetails): Promise<Locator> => {
  await page.getByRole('button', { name: 'Add partner', exact: true }).click()
  const adding = partnerDialog(page, 'Add a partner')
  await adding.waitFor()
  await fillPartnerDetails(adding, partner)
  await adding.getByRole('button', { name: 'Add partner', exact: true }).click()
  const dialog = partnerDialog(page, partner.name)
  await dialog.getByRole('heading', { name: `Contacts (0)` }).waitFor()
  return dialog
}

export const addContactThroughUi = async (
  dialog: Locator,
  contact: { name: string; jobTitle?: string; email?: string; phone?: string }
): Promise<void> => {
  const before = await contactCount(dialog)
  await dialog.getByRole('button', { name: 'Add contact', exact: true }).click()
  const form = dialog.getByRole('form', { name: 'New contact' })
  await form.getByLabel('Name', { exact: true }).fill(contact.name)
  if (contact.jobTitle) await form.getByLabel('Job title').fill(contact.jobTitle)
  if (contact.email) await form.getByLabel('Email').fill(contact.email)
  if (contact.phone) await form.getByLabel('Phone').fill(contact.phone)
  await form.getByRole('button', { name: 'Add contact', exact: true }).click()
  await dialog.getByRole('heading', { name: `Contacts (${before + 1})` }).waitFor()
}

const contactCount = async (dialog: Locator): Promise<number> => {
  const text = (await dialog.getByRole('heading', { name: /^Contacts \(\d+\)$/ }).textContent()) ?? ''
  return Number(/\((\d+)\)/.exec(text)?.[1] ?? 0)
}

export const addResourceThroughUi = async (
  dialog: Locator,
  side: 'offers' | 'needs',
  category: string,
  detail: string
): Promise<void> => {
  const form = dialog.getByRole('form', { name: `Add to ${side}` })
  const verb = side === 'offers' ? 'offer' : 'need'
  await form.getByLabel(`What they ${verb}`, { exact: true }).selectOption({ label: category })
  await form.getByLabel('Details', { exact: true }).fill(detail)
  await form.getByRole('button', { name: `Add to ${side}` }).click()
  await dialog.getByRole('listitem').filter({ hasText: detail }).first().waitFor()
}

export const addRelationshipThroughUi = async (
  dialog: Locator,
  relation: { phrase: string; other: string; strength?: string; note?: string }
): Promise<void> => {
  const form = dialog.getByRole('form', { name: 'Add a relationship' })
  await form.getByRole('combobox').first().selectOption({ label: relation.phrase })
  await form.getByLabel('Other partner').selectOption({ label: relation.other })
  if (relation.strength) await form.getByLabel('Strength').selectOption({ label: relation.strength })
  if (relation.note) await form.getByLabel('Note (optional)').fill(relation.note)
  await form.getByRole('button', { name: 'Add relationship' }).click()
  await dialog.getByRole('button', { name: `Remove relationship with ${relation.other}` }).waitFor()
}

/** What a form's error summary says and where its link leads (text in the interface language). */
export interface ProblemSeen {
  title: string
  message: string
  field: string
}

/**
 * Checks a refused form the way every form in the app answers: a "There is a problem" summary
 * that has focus, naming the problem as a link that moves focus to the field, marked invalid.
 */
export const expectProblemSummary = async (form: Locator, problem: ProblemSeen): Promise<void> => {
  const summary = form.getByRole('alert').filter({ hasText: problem.title })
  await summary.waitFor()
  await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true)
  const field = form.getByLabel(problem.field, { exact: true })
  await expect(field.getAttribute('aria-invalid')).resolves.toBe('true')
  await summary.getByRole('link', { name: problem.message }).click()
  await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true)
}

/** The labels of the "Other partner" list of a partner's "Add a relationship" form, after its prompt. */
export const otherPartnerChoices = async (dialog: Locator, formName = 'Add a relationship', field = 'Other partner'): Promise<string[]> => {
  const labels = await dialog.getByRole('form', { name: formName }).getByLabel(field, { exact: true }).locator('option').allInnerTexts()
  return labels.slice(1).map((label) => label.trim())
}

/** Closes a partner dialog with its Close button and waits for it to go. */
export const closeDialog = async (dialog: Locator): Promise<void> => {
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()
  await dialog.waitFor({ state: 'hidden' })
}

/** The partners table's organisation names, top to bottom. */
export const tableNames = (page: Page): Promise<string[]> =>
  page
    .getByRole('table', { name: /^Partners/ })
    .locator('tbody tr:not([hidden]) th')
    .allInnerTexts()
    .then((names) => names.map((n) => n.trim()))

/** The graph's partner nodes (each a button named "<name>: <type>…"). */
export const graphNodes = (page: Page): Locator => page.getByRole('group', { name: 'Partner network graph' }).getByRole('button')

export const graphNode = (page: Page, name: string): Locator =>
  page.getByRole('group', { name: 'Partner network graph' }).getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}:`) })

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Clicks something that starts a download and returns the downloaded bytes. */
export const downloadFrom = async (page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> => {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void]
  const stream = await download.createReadStream()
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) }
}
