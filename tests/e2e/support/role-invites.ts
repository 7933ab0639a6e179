import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { startLab, type PersonDetails } from './app-driver'
import { caretAtEndOf, createNoteThroughUi, noteText } from './editor-driver'
import { openInvite } from './signalling-peers'

/** The lab the role and removal tests share: its name, its one note, and the first line written in it. */
export const WARM_HOMES = { lab: 'Warm homes lab', note: 'Visit to the advice centre', firstLine: 'Residents asked about loft insulation grants.' } as const

/** An owner's lab with one interview note and a line written in it, made through the interface. */
export const startLabWithNote = async (page: Page, appUrl: string, owner: PersonDetails, lab: string, note: string, line: string): Promise<void> => {
  await startLab(page, appUrl, owner, lab)
  await createNoteThroughUi(page, 'Interview', note)
  await writeUnderContext(page, line)
}

/** Types a line at the end of the open note's Context section, as a person would. */
export const writeUnderContext = async (page: Page, line: string): Promise<void> => {
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
