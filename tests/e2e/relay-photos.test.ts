/**
 * Issue 16 with issue 8: a photo added to a note reaches a colleague who is never online at the
 * same time, through the relay, sealed. Each person is a separate Chromium process; Asha adds the
 * photo, describes it and closes her browser; Tom then joins with nobody else online, opens the
 * note and sees the photo (decoded, with its alt text), which came only from the relay.
 */
import { describe, expect, it } from 'vitest'
import { roomIdForToken } from '../../scripts/relay/store.mjs'
import { deriveRelayFileKeys } from '../../src/sync/relay/relay-file-keys'
import { readInvitePayload } from '../../src/sync/invite-link'
import { startLab } from './support/app-driver'
import { useRelayedAppServer } from './support/app-with-devices'
import { expectNoAxeViolations } from './support/axe'
import { noteText } from './support/editor-driver'
import { joinThroughInvite } from './support/relay-bed'
import { waitUntilRelayHolds } from './support/relay-devices'
import { readInviteLink } from './support/signalling-peers'
import { drawnJpegBytes, photoLoaded, shownPhoto } from './support/photo-driver'

const app = useRelayedAppServer()

const LAB = 'Site visits lab'
const NOTE = 'Visit to the community centre'
const ALT = 'The community centre entrance, with a step and no ramp'

/** Files the relay holds for the workspace this invitation opens (its room, from the secret). */
const relayFilesFor = async (link: string): Promise<{ files: number; bytes: number }> => {
  const read = await readInvitePayload(link.slice(link.indexOf('#/join/') + '#/join/'.length))
  if (!read.ok) throw new Error('The invitation could not be read')
  const keys = await deriveRelayFileKeys(read.invite.secret)
  return app.server.relayStore().roomFiles(roomIdForToken(keys.token))
}

describe('photos through the relay', () => {
  it('a photo added by one person reaches another who is never online with them', async () => {
    const asha = await app.device().open()
    await startLab(asha.page, app.server.url, { name: 'Asha Patel', organisation: 'Oldham Council' }, LAB)
    await asha.page.getByRole('button', { name: 'New note' }).click()
    const dialog = asha.page.getByRole('dialog', { name: 'New note' })
    await dialog.getByLabel('Title').fill(NOTE)
    await dialog.getByRole('button', { name: 'Create note' }).click()
    await noteText(asha.page).waitFor()

    const photo = await drawnJpegBytes(asha.page, 1200, 900)
    const [chooser] = await Promise.all([asha.page.waitForEvent('filechooser'), asha.page.getByRole('button', { name: 'Add photo' }).click()])
    await chooser.setFiles({ name: 'entrance.jpg', mimeType: 'image/jpeg', buffer: photo })
    const describe = asha.page.getByRole('dialog', { name: 'Describe this photo' })
    await describe.getByLabel('Alt text').fill(ALT)
    await describe.getByRole('button', { name: 'Save alt text' }).click()
    await expect.poll(() => photoLoaded(asha.page, ALT), { timeout: 60_000 }).toBe(true)

    const link = await readInviteLink(asha.page)
    await waitUntilRelayHolds(asha.page)
    // The relay holds the photo, sealed: one file, a little larger than any JPEG bytes.
    await expect.poll(() => relayFilesFor(link).then((held) => held.files), { timeout: 120_000 }).toBe(1)
    expect(asha.errors).toEqual([])
    await asha.context.close()

    // Tom joins later, alone: the note and its photo come only from the relay.
    const tom = await app.device().open()
    await joinThroughInvite(tom.page, link, { name: 'Tom Hughes', organisation: 'Kirklees Council' }, LAB)
    await tom.page.getByRole('link', { name: NOTE }).click()
    await noteText(tom.page).waitFor()
    await shownPhoto(tom.page, ALT).waitFor({ timeout: 120_000 })
    await expect.poll(() => photoLoaded(tom.page, ALT), { timeout: 120_000 }).toBe(true)
    await expectNoAxeViolations(tom.page, 'note with a photo from the relay')
    expect(tom.errors).toEqual([])
    await tom.context.close()
  }, 300_000)
})
