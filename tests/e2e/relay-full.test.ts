/**
 * Issue 16 with issue 8: a relay whose room for this workspace is over its quota (here a relay
 * process started with a tiny MUTUAL_RELAY_MAX_ROOM_BYTES) refuses the changes. The person sees
 * it in the Sync status, plainly and without the console: "Relay full", that the work stays on
 * this device and still syncs peer-to-peer, and to ask whoever runs the relay to make room.
 */
import { describe, expect, it } from 'vitest'
import { createWorkspaceThroughUi, setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { createNoteThroughUi, noteText } from './support/editor-driver'
import { useRelayBed, withRelayDatabase } from './support/relay-bed'
import { relayProcessOptions } from './support/relay-database'
import { useOnlyRelay } from './support/relay-devices'
import { startRelayProcess } from './support/relay-process'
import { waitForSyncLabel } from './support/signalling-peers'

const bed = useRelayBed()

describe('a full relay', () => {
  it('is shown in the Sync status with what to do', async () => {
    await withRelayDatabase('pglite', async (database) => {
      const relay = await startRelayProcess({ ...relayProcessOptions(database), env: { MUTUAL_RELAY_MAX_ROOM_BYTES: '4000' } })
      const asha = await bed.device().open()
      await asha.page.goto(bed.app.url)
      await setUpProfile(asha.page, { name: 'Asha Patel', organisation: 'Oldham Council' })
      await createWorkspaceThroughUi(asha.page, { name: 'Full relay lab', leadCouncil: 'Oldham Council' })
      await useOnlyRelay(asha.page, relay.url, { signalling: false })
      await createNoteThroughUi(asha.page, 'Site visit', 'Grangetown food bank')
      await noteText(asha.page).click()
      await asha.page.keyboard.insertText('Volunteers at the food bank in Grangetown. '.repeat(200))

      await waitForSyncLabel(asha.page, 'Relay full')
      const notice = asha.page.locator('.sync-relay-notice')
      await notice.filter({ hasText: /saved on this device.*peer-to-peer.*Ask whoever runs the relay to make room/s }).waitFor()
      await asha.page.getByRole('button', { name: /^Sync / }).click()
      const sync = asha.page.getByRole('dialog', { name: 'Sync' })
      await sync.getByText(/The relay is full and cannot store more changes/).waitFor()
      await expectNoAxeViolations(asha.page, 'the Sync menu with a full relay')
      expect(asha.errors).toEqual([])
    })
  }, 300_000)
})
