import * as Y from 'yjs'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { initialiseWorkspace } from '../../../src/crdt/workspace-meta'

export const asha = { name: 'Asha Patel', organisation: 'Oldham Council' }
export const ben = { name: 'Ben Okafor', organisation: 'Preston City Council' }

/** A fresh workspace document, as the app creates one. */
export const newWorkspace = (): Y.Doc => {
  const doc = makeWorkspaceDoc(makeWorkspaceId())
  initialiseWorkspace(
    doc,
    { name: 'Food lab', description: '', leadCouncil: 'Oldham Council', partnerCouncils: ['Preston City Council'], startDate: '' },
    asha,
    1000
  )
  return doc
}

/** A second device holding the same workspace (a copy of everything so far). */
export const copyOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc({ guid: doc.guid, gc: false })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

/** Sends each document what the other has and it lacks. */
export const exchange = (a: Y.Doc, b: Y.Doc): void => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}
