import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import { startWorkspaceSync, type WorkspaceSync } from '../../../src/sync/workspace-sync'

const user = { name: 'Ada', color: '#1d4ed8', organisation: 'Leeds City Council', memberId: 'a'.repeat(32) }
const alwaysOnline = { online: () => true, subscribe: () => () => {} }

let sync: WorkspaceSync | null = null
afterEach(async () => {
  await sync?.destroy()
  sync = null
})

describe('new connection settings', () => {
  it('keep this device’s presence, so the others still see this person here', async () => {
    // No signalling server and no relay: what this test looks at stays on this device.
    sync = startWorkspaceSync({
      doc: new Y.Doc(),
      workspaceId: makeWorkspaceId(),
      secret: makeWorkspaceSecret(),
      signallingUrls: [],
      iceServers: [],
      user,
      deviceId: 'device-a',
      network: alwaysOnline
    })
    sync.setView({ artifactId: 'b'.repeat(32) })
    await sync.reconfigure({ signallingUrls: [], iceServers: [], relayUrls: [] })
    expect(sync.awareness.getLocalState()).toMatchObject({ user, view: { artifactId: 'b'.repeat(32) }, device: 'device-a' })
    // And it goes on following this person, as before.
    sync.setView({ artifactId: null })
    expect(sync.awareness.getLocalState()).toMatchObject({ view: { artifactId: null } })
  })
})
