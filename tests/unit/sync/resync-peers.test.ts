import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { WebrtcProvider } from 'y-webrtc'
import { resyncPeers } from '../../../src/sync/resync-peers'
import { answerAsYWebrtcDoes } from './answer-as-y-webrtc'

describe('asking connected peers for what this device lacks', () => {
  it('brings a change that was missed back over an open connection, and skips connections not open', () => {
    const mine = new Y.Doc()
    const theirs = new Y.Doc()
    mine.getText('t').insert(0, 'shared ')
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine))
    // Their edit while the update to this device was lost.
    theirs.getText('t').insert(7, 'and missed')
    let sentToClosed = 0
    const open = {
      connected: true,
      peer: {
        send: (message: Uint8Array) => {
          const answer = answerAsYWebrtcDoes(theirs, message)
          if (answer) answerAsYWebrtcDoes(mine, answer)
        }
      }
    }
    const closed = { connected: false, peer: { send: () => sentToClosed++ } }
    const provider = { doc: mine, room: { webrtcConns: new Map([['a', open], ['b', closed]]) } } as unknown as WebrtcProvider

    expect(resyncPeers(provider)).toBe(1)
    expect(mine.getText('t').toString()).toBe('shared and missed')
    expect(sentToClosed).toBe(0)
  })
})
