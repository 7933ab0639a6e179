import { expect } from 'vitest'
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

/** A point on the page, in CSS pixels from the viewport's top left. */
interface Point {
  x: number
  y: number
}

/** How far from the window's top and bottom a drag's end is aimed: nearer, a drag scrolls the page. */
const EDGE_MARGIN_PX = 60

/** Where to put a note down on `target`: across its middle, just below its top, where its name is. */
const dropPointOf = async (target: Locator): Promise<Point | null> => {
  const box = await target.boundingBox()
  return box && { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 24) }
}

/**
 * Where a gesture from `handle` to `target` starts and ends, once the page holds still: both
 * boxes the same over two frames (a panel still opening, a sync status still drawing would move
 * them after they were read), the start point hitting `handle` and the end point inside
 * `target`, and both away from the window's edges, where a drag scrolls the page under the
 * pointer.
 */
const settledGesture = async (handle: Locator, target: Locator): Promise<{ from: Point; to: Point }> => {
  await handle.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }))
  let gesture: { from: Point; to: Point } | null = null
  await expect
    .poll(async () => {
      const [handleBox, to] = await Promise.all([handle.boundingBox(), dropPointOf(target)])
      if (!handleBox || !to) return 'not on screen yet'
      const from = { x: handleBox.x + handleBox.width / 2, y: handleBox.y + handleBox.height / 2 }
      const still = await handle.evaluate(
        (el, [fromX, fromY, toY, margin]) =>
          new Promise<string>((resolve) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const box = el.getBoundingClientRect()
                if (Math.abs(box.x + box.width / 2 - fromX) > 0.5 || Math.abs(box.y + box.height / 2 - fromY) > 0.5) return resolve('still moving')
                if (!el.contains(document.elementFromPoint(fromX, fromY))) return resolve('something covers the start')
                if (toY < margin || toY > window.innerHeight - margin) return resolve('the end is at the window’s edge')
                resolve('ready')
              })
            )
          ),
        [from.x, from.y, to.y, EDGE_MARGIN_PX] as const
      )
      const inside = await target.evaluate((el, [x, y]) => el.contains(document.elementFromPoint(x, y)), [to.x, to.y] as const)
      if (still === 'ready' && inside) gesture = { from, to }
      return still === 'ready' && !inside ? 'something covers the end' : still
    })
    .toBe('ready')
  if (!gesture) throw new Error('no settled gesture')
  return gesture
}

/** Whether the board shows `card` lifted, following the pointer. */
const isLifted = (card: Locator): Promise<boolean> => card.evaluate((el) => el.classList.contains('is-dragging'))

/**
 * Carries a lifted note onto `target` the way a person finishes a drag: watching the target
 * rather than remembering where it was. Something appearing above the board (a sync status
 * growing a line, "ready to work offline") moves the columns under a finger held down, so the
 * pointer follows the target until the board highlights it as where the note will land.
 */
const carryOnto = async (target: Locator, moveTo: (point: Point) => Promise<void>): Promise<void> => {
  await expect
    .poll(async () => {
      const point = await dropPointOf(target)
      if (!point) return 'the target is not on screen'
      await moveTo(point)
      return target.evaluate(
        (el) => new Promise<boolean>((resolve) => requestAnimationFrame(() => resolve(el.hasAttribute('data-drop-active'))))
      )
    })
    .toBe(true)
}

/**
 * Drags a note by its grip with a finger (touch events through the DevTools protocol), onto
 * `target`. `holdMs`: the finger rests on the grip that long before it moves, as a person
 * unsure of the gesture does; past the browser's long press (about half a second) that is a
 * long press, which must not end the drag.
 *
 * The board can move between aiming and touching (a notice appearing above it), so the finger
 * can land beside the grip. As a person would, the gesture then checks the note lifted; if it
 * did not, the touch is called off (a touch cancel, which clicks nothing) and aimed again.
 */
export const touchDragNote = async (page: Page, noteText: string, target: Locator, holdMs = 0): Promise<void> => {
  const card = note(page, noteText)
  const cdp = await page.context().newCDPSession(page)
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd' | 'touchCancel', point?: Point) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: point ? [point] : [] })
  try {
    for (let attempt = 1; ; attempt++) {
      const { from, to } = await settledGesture(card.locator('.sticky-grip'), target)
      await touch('touchStart', from)
      if (holdMs > 0) await page.waitForTimeout(holdMs)
      // A third of the way: well past the board's 6 px before a press becomes a drag.
      for (let step = 1; step <= 3; step++) await touch('touchMove', { x: from.x + ((to.x - from.x) * step) / 10, y: from.y + ((to.y - from.y) * step) / 10 })
      if (await isLifted(card)) {
        for (let step = 4; step <= 10; step++) await touch('touchMove', { x: from.x + ((to.x - from.x) * step) / 10, y: from.y + ((to.y - from.y) * step) / 10 })
        await carryOnto(target, async (point) => {
          await touch('touchMove', point)
        })
        await touch('touchEnd')
        return
      }
      await touch('touchCancel')
      if (attempt === 3) throw new Error(`The note “${noteText}” did not lift under the finger, three times over`)
    }
  } finally {
    await cdp.detach()
  }
}

/** Drags a note with the mouse, holding it by its text, onto `target`. */
export const mouseDragNote = async (page: Page, noteText: string, target: Locator): Promise<void> => {
  const card = note(page, noteText)
  const { from, to } = await settledGesture(card.getByText(noteText), target)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 30, from.y + 15, { steps: 4 })
  // A mouse pressed beside the note cannot be called off without clicking what it is on.
  if (!(await isLifted(card))) throw new Error(`The note “${noteText}” did not lift under the mouse`)
  await page.mouse.move(to.x, to.y, { steps: 8 })
  await carryOnto(target, (point) => page.mouse.move(point.x, point.y))
  await page.mouse.up()
}
