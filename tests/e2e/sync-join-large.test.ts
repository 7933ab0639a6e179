/**
 * Issue 15: a device joins, over WebRTC, a lab whose whole state is over the 8 MiB one change
 * may carry (a lab after a year and a half of work is about that). The host sends it as one
 * signed state, in parts; the new device checks it whole (in a worker) and applies it. The room's
 * check once held a state to a change's bound, so nothing of such a lab ever arrived.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAX_SIGNED_UPDATE_BYTES } from '../../src/sync/trust/signed-change'
import { setUpProfile } from './support/app-driver'
import { expectNoAxeViolations } from './support/axe'
import { notesWorkspaceFile } from './support/notes-workspace-file'
import { startSyncedAppServer, type SyncedAppServer } from './support/signalling'
import { closePeers, joinByLink, openPeer, readInviteLink, waitForSyncLabel, type Peer } from './support/signalling-peers'

const LAB = 'Depot flooding lab'
const NOTE = 'Every interview, typed up'
const LONG = 10 * 60_000

/** A lab whose one note holds a year of interviews: its state is over 8 MiB. */
const largeLabFile = (): Buffer => {
  const sentence = 'Resident said the depot floods every winter. '
  const { file, doc } = notesWorkspaceFile(LAB, [{ title: NOTE, text: sentence.repeat(Math.ceil((9 * 1024 * 1024) / sentence.length)) }])
  expect(Y.encodeStateAsUpdate(doc).length).toBeGreaterThan(MAX_SIGNED_UPDATE_BYTES)
  return file
}

let server: SyncedAppServer
let host: Peer
let joiner: Peer

beforeAll(async () => {
  server = await startSyncedAppServer()
  ;[host, joiner] = await Promise.all([openPeer(server.url, 'host'), openPeer(server.url, 'joiner')])
})

afterAll(async () => {
  await closePeers([host, joiner])
  await server?.close()
})

it('a new device joins a lab of over 8 MiB over WebRTC, and lists its work', async () => {
  await setUpProfile(host.page, { name: 'Hannah Clarke', organisation: 'Plymouth City Council' })
  await host.page.getByLabel('Import a workspace file').setInputFiles({ name: 'depot-lab.mutual', mimeType: 'application/octet-stream', buffer: largeLabFile() })
  await host.page.getByRole('heading', { level: 1, name: LAB }).waitFor({ timeout: LONG })
  await waitForSyncLabel(host.page, 'Online')
  const link = await readInviteLink(host.page)

  await joinByLink(joiner, link, { name: 'Owen Fletcher', organisation: 'Co-operative Councils Innovation Network' })
  await joiner.page.getByRole('heading', { level: 1, name: LAB }).waitFor({ timeout: LONG })
  await joiner.page.getByRole('heading', { name: 'Notes (1)' }).waitFor({ timeout: LONG })
  await joiner.page.getByRole('link', { name: NOTE }).first().waitFor({ timeout: LONG })
  await expectNoAxeViolations(joiner.page, 'the overview of a large lab just joined')
  expect([...host.errors, ...joiner.errors]).toEqual([])
}, 30 * 60_000)
