import type { Locator, Page } from 'playwright-core'

/** How a person drives a workshop board: by roles and labels, as they read on screen. */

export type BoardStart = { template: string | RegExp } | { columns: string[] }

/** Opens "New board" in the sidebar, fills the dialog and waits for the board. */
export const createBoardThroughUi = async (page: Page, name: string, start: BoardStart): Promise<void> => {
  await page.getByRole('button', { name: 'New board' }).click()
  const dialog = page.getByRole('dialog', { name: 'New workshop board' })
  await dialog.waitFor()
  await dialog.getByLabel('Board name').fill(name)
  if ('template' in start) {
    await dialog.getByRole('radio', { name: start.template }).check()
  } else {
    await dialog.getByRole('radio', { name: /My own columns/ }).check()
    await dialog.getByLabel('Columns, one per line').fill(start.columns.join('\n'))
  }
  await dialog.getByRole('button', { name: 'Create board' }).click()
  await page.getByRole('heading', { level: 1, name }).waitFor()
}

/**
 * Opens the facilitator's tools (lock, names, silent brainstorm, who is here), which fold
 * behind their button above the board; does nothing if they are open already.
 */
export const openFacilitatorTools = async (page: Page): Promise<void> => {
  const button = page.getByRole('button', { name: 'Facilitator tools', exact: true })
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click()
  await page.getByRole('region', { name: 'Facilitator tools' }).waitFor()
}

/** A column (a region named by its heading). */
export const column = (page: Page, title: string): Locator => page.getByRole('region', { name: title, exact: true })

/** A note's Actions button: the handle keyboard users move and edit it with. */
export const noteActions = (page: Page, text: string): Locator =>
  page.getByRole('button', { name: noteLabel('Actions for note', text) })

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A control named after a note: "<prefix> “<text>”". Long texts are shortened with "…" in
 * names, so a long one is matched by its start.
 */
export const noteLabel = (prefix: string, text: string): RegExp =>
  text.length <= 40
    ? new RegExp(`^${escapeRegExp(prefix)} “${escapeRegExp(text)}”$`)
    : new RegExp(`^${escapeRegExp(prefix)} “${escapeRegExp(text.slice(0, 30))}.*…”$`)

/** The list item of a note, found by its Actions button. */
export const note = (scope: Page | Locator, text: string): Locator => {
  // The inner locator of `has` is matched inside each list item, so it is built from the page.
  const page = 'goto' in scope ? scope : scope.page()
  return scope.getByRole('listitem').filter({ has: noteActions(page, text) })
}

/** Adds notes to a column with the keyboard: Enter after each, Escape to finish. */
export const addNotes = async (page: Page, columnTitle: string, texts: string[]): Promise<void> => {
  await page.getByRole('button', { name: `Add note to ${columnTitle}`, exact: true }).focus()
  await page.keyboard.press('Enter')
  const field = page.getByLabel(`New note in ${columnTitle}`, { exact: true })
  for (const text of texts) {
    await field.fill(text)
    await field.press('Enter')
    await noteActions(page, text).waitFor()
  }
  await field.press('Escape')
  // Focus goes back to the column's add button; wait for it so the next key lands right.
  await page
    .getByRole('button', { name: `Add note to ${columnTitle}`, exact: true })
    .and(page.locator(':focus'))
    .waitFor()
}

/**
 * Waits for two frames in the page. After a move, a closed form or a removal the app moves
 * focus on the next frame (focusAfterRender); a person sees it land before reaching for the
 * next control, and a test that focuses something programmatically must let it land too, or
 * the late move takes focus from what the test just focused.
 */
export const afterFocusSettles = (page: Page): Promise<void> =>
  page.evaluate(() => new Promise<void>((settled) => requestAnimationFrame(() => requestAnimationFrame(() => settled()))))

/** Opens a note's menu from the keyboard and picks an item. */
export const chooseFromNoteMenu = async (page: Page, text: string, item: string): Promise<void> => {
  await afterFocusSettles(page)
  await noteActions(page, text).focus()
  await page.keyboard.press('Enter')
  const menuItem = page.getByRole('menuitem', { name: item, exact: true })
  await menuItem.waitFor()
  // Arrow down to the item, as a keyboard user would.
  for (let i = 0; i < 20; i++) {
    if (await menuItem.evaluate((el) => el === document.activeElement)) break
    await page.keyboard.press('ArrowDown')
  }
  await page.keyboard.press('Enter')
}

/** The text of the board's polite live region, once it says something containing `text`. */
export const waitForAnnouncement = async (page: Page, text: string): Promise<void> => {
  await page.locator('.board [role="status"][aria-live="polite"]', { hasText: text }).waitFor({ state: 'attached' })
}

/** Seconds left on the board's timer, as displayed. */
export const timerSeconds = async (page: Page): Promise<number> => {
  const shown = (await page.getByRole('timer').textContent()) ?? ''
  const match = /^(\d+):(\d{2})$/.exec(shown.trim())
  if (!match) throw new Error(`The timer shows “${shown}”`)
  return Number(match[1]) * 60 + Number(match[2])
}

/**
 * How many update records this workspace has in IndexedDB. A test that reloads right after a
 * change waits for the count to grow, so the reload does not race the write.
 */
export const savedUpdateCount = (page: Page): Promise<number> =>
  page.evaluate(async () => {
    const id = location.hash.split('/')[2]
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open(`mutual-workspace-${id}`)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    try {
      return await new Promise<number>((resolve, reject) => {
        const request = db.transaction('updates').objectStore('updates').count()
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
    } finally {
      db.close()
    }
  })
