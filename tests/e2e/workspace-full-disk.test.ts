import { describe, expect, it } from 'vitest'
import type { CDPSession, Page } from 'playwright-core'
import { openFreshPage, useTestBed } from './support/test-bed'
import { expectNoAxeViolations } from './support/axe'
import { createWorkspaceThroughUi, readOverviewDetails } from './support/app-driver'

const bed = useTestBed()

/** Tries one write of `bytes` in a scratch database of the same origin; the error's name, or 'ok'. */
const probeWrite = (page: Page, bytes: number): Promise<string> =>
  page.evaluate(
    (bytes) =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('quota-probe', 1)
        open.onupgradeneeded = () => open.result.createObjectStore('rows')
        open.onerror = () => resolve(open.error?.name ?? 'error')
        open.onsuccess = () => {
          const db = open.result
          const tx = db.transaction('rows', 'readwrite')
          // One key: a probe that is let through replaces the last one instead of piling up.
          tx.objectStore('rows').put(new Uint8Array(bytes), 'probe')
          tx.oncomplete = () => {
            db.close()
            resolve('ok')
          }
          tx.onabort = () => {
            db.close()
            resolve(tx.error?.name ?? 'aborted')
          }
        }
      }),
    bytes
  )

/**
 * The origin's quota for the whole test until the disk fills: far more than the lab and the saved
 * app (a few MB) need. A cap from the start bounds the space Chromium's IndexedDB allots itself
 * without asking again.
 */
const ROOMY_QUOTA = 64 * 1024 * 1024

/**
 * Shrinks the origin's quota through the DevTools protocol, so IndexedDB writes really fail
 * with QuotaExceededError, as on a full disk. Chromium's IndexedDB keeps the space it was last
 * told was left and lets writes draw on it, without asking again, for up to 30 s
 * (BucketContext::kBucketSpaceCacheTimeLimit); a write larger than that allowance makes it ask
 * at once. Under ROOMY_QUOTA the allowance is below ROOMY_QUOTA, so one probe of that size
 * brings the new quota into force, and is refused; the loop only guards against a slow hand-over.
 */
const fillTheDisk = async (page: Page, cdp: CDPSession, origin: string): Promise<void> => {
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 })
  const deadline = Date.now() + 90_000
  for (;;) {
    const result = await probeWrite(page, ROOMY_QUOTA)
    if (result === 'QuotaExceededError') return
    if (Date.now() > deadline) throw new Error(`Writes still succeed after shrinking the quota (last: ${result})`)
    await page.waitForTimeout(500)
  }
}

describe('a full disk', () => {
  it('says plainly that the latest changes are not saved, keeps them, and saves them once there is space', async () => {
    const origin = new URL(bed.server.url).origin
    // One DevTools session for the whole test: it caps the quota now, and fills and empties the disk later.
    let cdp!: CDPSession
    const { page, errors } = await openFreshPage(bed, { name: 'Asha Patel', organisation: 'Oldham Council' }, async (fresh) => {
      cdp = await fresh.context().newCDPSession(fresh)
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: ROOMY_QUOTA })
    })
    await createWorkspaceThroughUi(page, {
      name: 'Digital inclusion lab',
      leadCouncil: 'Sunderland City Council',
      partnerCouncils: ['Newcastle City Council'],
      description: 'Getting everyone online.'
    })
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
