import { describe, expect, it } from 'vitest'
import type { CDPSession, Page } from 'playwright-core'
import { openFreshPage, useTestBed } from './support/test-bed'
import { expectNoAxeViolations } from './support/axe'
import { createWorkspaceThroughUi, readOverviewDetails } from './support/app-driver'

const bed = useTestBed()

/** Tries one small write in a scratch database of the same origin; the error's name, or 'ok'. */
const probeWrite = (page: Page): Promise<string> =>
  page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('quota-probe', 1)
        open.onupgradeneeded = () => open.result.createObjectStore('rows', { autoIncrement: true })
        open.onerror = () => resolve(open.error?.name ?? 'error')
        open.onsuccess = () => {
          const db = open.result
          const tx = db.transaction('rows', 'readwrite')
          tx.objectStore('rows').add(new Uint8Array(2048))
          tx.oncomplete = () => {
            db.close()
            resolve('ok')
          }
          tx.onabort = () => {
            db.close()
            resolve(tx.error?.name ?? 'aborted')
          }
        }
      })
  )

/**
 * Shrinks the origin's quota through the DevTools protocol, so IndexedDB writes really fail
 * with QuotaExceededError, as on a full disk. Chromium keeps a cached figure of the space
 * left for a while (about 30 s here), so wait until a probe write is refused.
 */
const fillTheDisk = async (page: Page, cdp: CDPSession, origin: string): Promise<void> => {
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 })
  const deadline = Date.now() + 90_000
  for (;;) {
    const result = await probeWrite(page)
    if (result === 'QuotaExceededError') return
    if (Date.now() > deadline) throw new Error(`Writes still succeed after shrinking the quota (last: ${result})`)
    await page.waitForTimeout(500)
  }
}

describe('a full disk', () => {
  it('says plainly that the latest changes are not saved, keeps them, and saves them once there is space', async () => {
    const { page, errors } = await openFreshPage(bed, { name: 'Asha Patel', organisation: 'Oldham Council' })
    const origin = new URL(bed.server.url).origin
    await createWorkspaceThroughUi(page, {
      name: 'Digital inclusion lab',
      leadCouncil: 'Sunderland City Council',
      partnerCouncils: ['Newcastle City Council'],
      description: 'Getting everyone online.'
    })
    const cdp = await page.context().newCDPSession(page)
    await fillTheDisk(page, cdp, origin)

    await page.getByRole('button', { name: 'Edit details' }).click()
    await page.getByLabel('Start date').fill('2026-06-01')
    await page.getByRole('button', { name: 'Save details' }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'Latest changes not saved on this device' })
    await alert.waitFor()
    expect(await alert.innerText()).toContain('run out of storage space')
    // The change is still on screen, so nothing is lost while the disk is full.
    expect(await readOverviewDetails(page)).toMatchObject({ 'Start date': '1 June 2026' })
    await expectNoAxeViolations(page, 'storage error banner')

    // Space again: the person saves, the warning goes, and everything is on disk.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin })
    await alert.getByRole('button', { name: 'Try saving again' }).click()
    await alert.waitFor({ state: 'detached' })

    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Digital inclusion lab' }).waitFor()
    await page.getByText('Getting everyone online.').waitFor()
    expect(await readOverviewDetails(page)).toMatchObject({
      'Lead council': 'Sunderland City Council',
      'Partner councils': 'Newcastle City Council',
      'Start date': '1 June 2026'
    })
    expect(await page.getByRole('alert').filter({ hasText: 'not saved' }).count()).toBe(0)
    expect(errors).toEqual([])
  })
})
