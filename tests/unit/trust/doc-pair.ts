import * as Y from 'yjs'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { makeWorkspaceId } from '../../../src/domain/ids'

/** The one person both copies' changes are made as, in the where-it-lands tests. */
export const actor = { name: 'Ana', organisation: 'Leeds', memberId: 'ana' }
export const profile = { name: 'Ana', organisation: 'Leeds', colour: '#1d70b8' }

/** Two copies of one workspace in step; `change` runs on the sender and returns what it sent. */
export const pair = () => {
  const id = makeWorkspaceId()
  const sender = makeWorkspaceDoc(id)
  const receiver = makeWorkspaceDoc(id)
  const change = (fn: () => void): Uint8Array => {
    const before = Y.encodeStateVector(sender)
    fn()
    return Y.encodeStateAsUpdate(sender, before)
  }
  const deliver = (update: Uint8Array) => Y.applyUpdate(receiver, update)
  return { sender, receiver, change, deliver }
}
