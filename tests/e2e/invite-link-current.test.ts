/**
 * The invite dialog never shows a link made for another role. Each time it opens, and each
 * time another role is chosen, it makes a new invitation; until that is made, the last link is
 * not shown, since it would sit under "This link lets them join as Editor" and could be copied
 * (in CI a viewer's link was read from a reopened dialog, and its holder joined read-only).
 * Signing is held back here, as on a slow device, so the moment between the two can be seen.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { startLab } from './support/app-driver'
import { useRelayedAppServer } from './support/app-with-devices'
import { expectNoAxeViolations } from './support/axe'
import { ASHA } from './support/editor-driver'
import { openInvite } from './support/signalling-peers'

const app = useRelayedAppServer()

/** The role an invitation link gives, read from its trust part (domain/trust/invite-trust.ts). */
const roleIn = (link: string): string => {
  const parts = decodeURIComponent(link.split('#/join/')[1] ?? '').split('.')
  const trust = JSON.parse(Buffer.from(parts[4] ?? '', 'base64url').toString('utf8')) as { role: string }
  return trust.role
}

/** Holds every signature the page makes until `release`, as a slow device would take its time. */
const holdSigning = async (page: Page): Promise<{ release: () => Promise<void> }> => {
  await page.evaluate(() => {
    const held = window as unknown as { signingHeld?: Promise<void>; releaseSigning?: () => void }
    const sign = crypto.subtle.sign.bind(crypto.subtle)
    held.signingHeld = new Promise<void>((resolve) => (held.releaseSigning = resolve))
    crypto.subtle.sign = async (...args: Parameters<SubtleCrypto['sign']>) => {
      await held.signingHeld
      return sign(...args)
    }
  })
  return { release: () => page.evaluate(() => (window as unknown as { releaseSigning: () => void }).releaseSigning()) }
}

describe('the invite dialog', () => {
  it('shows only the link for the role it names, never the last one while the next is made', async () => {
    const asha = await app.device().open()
    await startLab(asha.page, app.server.url, ASHA, 'Invitations lab')
    const { dialog } = await openInvite(asha.page)
    const field = dialog.getByRole('textbox', { name: 'Invitation link' })
    await dialog.getByLabel('They join as').selectOption({ label: 'Viewer: Can read and export.' })
    await dialog.getByText('This link lets them join as Viewer.').waitFor()
    await expect.poll(async () => roleIn(await field.inputValue())).toBe('viewer')
    const viewerLink = await field.inputValue()
    await dialog.getByRole('button', { name: 'Close' }).last().click()
    await dialog.waitFor({ state: 'hidden' })

    // Opened again: a new editor's invitation is on its way, and the viewer's link is not shown.
    const signing = await holdSigning(asha.page)
    await asha.page.getByRole('button', { name: 'Invite people' }).click()
    await dialog.getByRole('status').filter({ hasText: 'Making the link…' }).waitFor()
    expect(await field.count()).toBe(0)
    await expectNoAxeViolations(asha.page, 'the invite dialog while its link is made')
    await signing.release()
    await dialog.getByText('This link lets them join as Editor.').waitFor()
    const editorLink = await field.inputValue()
    expect(roleIn(editorLink)).toBe('editor')
    expect(editorLink).not.toBe(viewerLink)

    // Another role chosen: the editor's link goes until the commenter's is made.
    const again = await holdSigning(asha.page)
    await dialog.getByLabel('They join as').selectOption({ label: 'Commenter: Can read, export and comment.' })
    await dialog.getByRole('status').filter({ hasText: 'Making the link…' }).waitFor()
    expect(await field.count()).toBe(0)
    await again.release()
    await expect.poll(async () => (await field.count()) > 0 && roleIn(await field.inputValue())).toBe('commenter')
    expect(asha.errors).toEqual([])
    await asha.context.close()
  })
})
