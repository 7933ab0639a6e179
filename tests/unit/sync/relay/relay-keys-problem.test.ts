// A workspace secret the relay's keys cannot be made from (a damaged stored workspace) must not
// leave the relay silently "off": the person is told why nothing reaches the relay.
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { describe, expect, it } from 'vitest'
import type { WorkspaceSecret } from '../../../../src/domain/ids'
import { makeRelayTransport, RELAY_KEYS_PROBLEM } from '../../../../src/sync/relay/relay-transport'

const transportWith = (secret: string, urls: string[]) => {
  const doc = new Y.Doc({ gc: false })
  const sockets: string[] = []
  const transport = makeRelayTransport({
    urls,
    doc,
    awareness: new Awareness(doc),
    secret: secret as WorkspaceSecret,
    relayState: null,
    localSummary: () => null,
    online: () => true,
    socket: (url) => {
      sockets.push(url)
      throw new Error('no socket in this test')
    }
  })
  return { transport, sockets }
}

describe('a relay transport whose keys cannot be made', () => {
  it('says so in its status and opens no connection', async () => {
    const { transport, sockets } = transportWith('not-a-secret', ['ws://127.0.0.1:9/relay'])
    await transport.open()
    expect(transport.status()).toMatchObject({ state: 'refused', problem: RELAY_KEYS_PROBLEM })
    expect(sockets).toEqual([])
    await transport.destroy()
  })

  it('stays off, with no problem, when no relay is configured', async () => {
    const { transport } = transportWith('not-a-secret', [])
    await transport.open()
    expect(transport.status()).toMatchObject({ state: 'off', problem: null })
    await transport.destroy()
  })
})
