import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { createWorkspaceThroughUi, setUpProfile, type PersonDetails } from './app-driver'
import { caretAtEndOf, createNoteThroughUi, noteText } from './editor-driver'
import { openInvite } from './signalling-peers'

/** An owner's lab with one interview note and a line written in it, made through the interface. */
export const startLabWithNote = async (page: Page, appUrl: string, owner: PersonDetails, lab: string, note: string, line: string): Promise<void> => {
  await page.goto(appUrl)
  await setUpProfile(page, owner)
  await createWorkspaceThroughUi(page, { name: lab, leadCouncil: owner.organisation })
  await createNoteThroughUi(page, 'Interview', note)
  await caretAtEndOf(noteText(page), 'Context')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.type(line)
}

/**
 * Two invitation links from the invite dialog: an editor's (its first choice), then one for the
 * role chosen by `roleLabel` (choosing another role makes a new link, and the dialog says which
 * role it gives before it can be copied). The dialog is closed after.
 */
export const editorAndRoleLinks = async (page: Page, roleLabel: string): Promise<{ editorLink: string; roleLink: string }> => {
  const { link: editorLink, dialog } = await openInvite(page)
  await dialog.getByText('This link lets them join as Editor.').waitFor()
  await dialog.getByLabel('They join as').selectOption({ label: roleLabel })
  const field = dialog.getByRole('textbox', { name: 'Invitation link' })
  await expect.poll(() => field.inputValue()).not.toBe(editorLink)
  await dialog.getByText(`This link lets them join as ${roleLabel.split(':')[0]}.`).waitFor()
  const roleLink = await field.inputValue()
  await dialog.getByRole('button', { name: 'Close' }).last().click()
  await dialog.waitFor({ state: 'hidden' })
  return { editorLink, roleLink }
}
