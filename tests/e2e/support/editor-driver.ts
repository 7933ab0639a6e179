import { afterAll, beforeAll } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { collectPageErrors, createWorkspaceThroughUi, setUpProfile, type LabDetails, type PersonDetails } from './app-driver'
import { useTestBed } from './test-bed'

export const ASHA: PersonDetails = { name: 'Asha Patel', organisation: 'Oldham Council' }
export const BEN: PersonDetails = { name: 'Ben Okafor', organisation: 'Preston City Council' }
export const FOOD_LAB: LabDetails = {
  name: 'Food lab',
  leadCouncil: 'Oldham Council',
  partnerCouncils: ['Preston City Council']
}

/** A fresh browser profile with a person and a workspace, on the workspace's overview. */
export const openLab = async (
  browser: Browser,
  url: string,
  person: PersonDetails = ASHA,
  lab: LabDetails = FOOD_LAB
): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true })
  const page = await context.newPage()
  await page.goto(url)
  await setUpProfile(page, person)
  await createWorkspaceThroughUi(page, lab)
  return page
}

export const noteText = (page: Page): Locator => page.getByRole('textbox', { name: 'Note text' })
export const reportText = (page: Page): Locator => page.getByRole('textbox', { name: 'Report text' })
export const toolbar = (page: Page): Locator => page.getByRole('toolbar', { name: 'Formatting' })
export const toolbarButton = (page: Page, name: string): Locator =>
  toolbar(page).getByRole('button', { name, exact: true })

/** Creates a note through the sidebar's "New note" dialog and waits for its text. */
export const createNoteThroughUi = async (page: Page, type: string, title?: string): Promise<void> => {
  await page.getByRole('button', { name: 'New note' }).click()
  const dialog = page.getByRole('dialog', { name: 'New note' })
  await dialog.getByRole('radio', { name: type, exact: true }).check()
  if (title) await dialog.getByLabel('Title').fill(title)
  await dialog.getByRole('button', { name: 'Create note' }).click()
  await noteText(page).waitFor()
}

export const createReportThroughUi = async (page: Page, title: string, template = 'CCIN lab report'): Promise<void> => {
  await page.getByRole('button', { name: 'New report' }).click()
  const dialog = page.getByRole('dialog', { name: 'New report' })
  await dialog.getByLabel('Title').fill(title)
  await dialog.getByRole('radio', { name: new RegExp(`^${template}`) }).check()
  await dialog.getByRole('button', { name: 'Create report' }).click()
  await reportText(page).waitFor()
}

/**
 * Puts the caret at the end of the block whose text starts with `blockText` (clicking at its
 * end, as a person would), for typing there.
 */
export const caretAtEndOf = async (editor: Locator, blockText: string): Promise<void> => {
  const block = editor.locator(':is(p, h2, h3, h4)', { hasText: blockText }).last()
  const box = await block.boundingBox()
  if (!box) throw new Error(`"${blockText}" is not visible`)
  // Just inside the right edge of the block's last line: where a person clicks to write on.
  await block.click({ position: { x: box.width - 2, y: box.height - 4 } })
  await editor.page().keyboard.press('End')
  // The editor takes up a click's selection from the browser's next selectionchange. (The
  // block may be redrawn meanwhile by a peer's edit, so it is found again by its text.)
  await editor.evaluate((root, text) => {
    const selection = window.getSelection()
    const anchor = selection?.anchorNode
    const block = (anchor instanceof Element ? anchor : anchor?.parentElement)?.closest('p, h2, h3, h4')
    if (!selection?.isCollapsed || !block || !root.contains(block) || !(block.textContent ?? '').includes(text)) {
      throw new Error(`The caret is not in the block that was clicked: ${block?.textContent} ${selection?.anchorOffset}`)
    }
  }, blockText)
  await settle(editor.page())
}

/**
 * Selects the first occurrence of `text` in the editor, as dragging the mouse over it
 * would: a DOM selection, which the editor reads like any other.
 */
export const selectText = async (editor: Locator, text: string): Promise<void> => {
  await editor.evaluate((root, wanted) => {
    // The text may run across several text nodes (marks, comment highlights): search their join.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const nodes: { node: Text; start: number }[] = []
    let joined = ''
    while (walker.nextNode()) {
      const node = walker.currentNode as Text
      nodes.push({ node, start: joined.length })
      joined += node.data
    }
    const at = joined.indexOf(wanted)
    if (at < 0) throw new Error(`"${wanted}" is not in the editor`)
    const locate = (offset: number, end: boolean) => {
      const found = nodes.find((n) => (end ? offset <= n.start + n.node.data.length : offset < n.start + n.node.data.length))
      if (!found) throw new Error('offset outside the text')
      return { node: found.node, offset: offset - found.start }
    }
    const from = locate(at, false)
    const to = locate(at + wanted.length, true)
    ;(root as HTMLElement).focus()
    const range = document.createRange()
    range.setStart(from.node, from.offset)
    range.setEnd(to.node, to.offset)
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
  }, text)
  // The editor reads the DOM selection on the next selectionchange.
  await editor.page().waitForFunction(
    (wanted) => window.getSelection()?.toString() === wanted,
    text
  )
}

/** Sends HTML to the editor as a paste from another application would. */
export const pasteHtml = async (editor: Locator, html: string, plain = ''): Promise<void> => {
  await editor.evaluate(
    (root, { html, plain }) => {
      const data = new DataTransfer()
      data.setData('text/html', html)
      data.setData('text/plain', plain)
      root.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    },
    { html, plain }
  )
}

/** The editor's blocks as "tag: text" lines, for comparing structure (other people's caret labels left out). */
export const blockOutline = (editor: Locator): Promise<string[]> =>
  editor.evaluate((root) =>
    [...root.children].map((el) => {
      const copy = el.cloneNode(true) as HTMLElement
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
      return `${el.tagName.toLowerCase()}: ${(copy.textContent ?? '').trim()}`
    })
  )

/**
 * Lets the page finish what is queued after a dialog closes: its close event comes a task
 * later and returns focus to the text, and ProseMirror then re-applies its selection after
 * 20 ms. A person never clicks that fast; a test would, and lose its click.
 */
export const settle = (page: Page): Promise<void> =>
  page.evaluate(() => new Promise<void>((resolve) => setTimeout(() => requestAnimationFrame(() => resolve()), 50)))

/**
 * For a file whose tests all work in one note: a fresh lab with that note open before them
 * (its uncaught errors collected) and the browser profile closed after them.
 */
export const useOpenNote = (type: string, title: string): { readonly page: Page; readonly errors: string[] } => {
  const bed = useTestBed()
  let page: Page | null = null
  let errors: string[] = []
  beforeAll(async () => {
    page = await openLab(bed.browser, bed.server.url)
    errors = collectPageErrors(page)
    await createNoteThroughUi(page, type, title)
  })
  afterAll(async () => {
    await page?.context().close()
  })
  return {
    get page() {
      if (!page) throw new Error('The note is not open')
      return page
    },
    get errors() {
      return errors
    }
  }
}
