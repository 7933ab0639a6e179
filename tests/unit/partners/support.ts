import * as Y from 'yjs'
import type { ArtifactId } from '../../../src/domain/ids'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { initialiseWorkspace } from '../../../src/crdt/workspace-meta'
import { createPartnerMap } from '../../../src/crdt/partner-map'
import { readPartnerMap } from '../../../src/crdt/partner-read'
import type { Partner, PartnerId, PartnerMapState } from '../../../src/domain/partner'

export const asha = { name: 'Asha Patel', organisation: 'Oldham Council' }
export const ben = { name: 'Ben Okafor', organisation: 'Preston City Council' }

/** A workspace with one partner map, as the app makes them. */
export const newMap = (): { doc: Y.Doc; mapId: ArtifactId } => {
  const doc = makeWorkspaceDoc(makeWorkspaceId())
  initialiseWorkspace(doc, { name: 'Lab', description: '', leadCouncil: 'Oldham Council', partnerCouncils: [], startDate: '' }, asha, 1)
  const mapId = createPartnerMap(doc, { title: 'Partners' }, asha, 2)
  return { doc, mapId }
}

/** A second device that has everything the first has so far. */
export const copyOf = (doc: Y.Doc): Y.Doc => {
  const other = new Y.Doc({ guid: doc.guid, gc: false })
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
  return other
}

/** Exchanges everything both ways. */
export const sync = (a: Y.Doc, b: Y.Doc): void => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

export const read = (doc: Y.Doc, mapId: ArtifactId): PartnerMapState => {
  const state = readPartnerMap(doc, mapId)
  if (!state) throw new Error('The partner map is not on this doc')
  return state
}

let counter = 0
/** A made-up id, unique within a test run. */
export const testId = (): string => (++counter).toString(16).padStart(32, '0')

/** A partner as the views read it, with defaults for everything not given. */
export const makePartner = (name: string, extra: Partial<Partner> = {}): Partner => ({
  id: testId() as PartnerId,
  name,
  type: 'other',
  region: '',
  role: 'to-approach',
  status: 'not-contacted',
  website: '',
  notes: '',
  contacts: [],
  offers: [],
  needs: [],
  createdAt: 0,
  updatedAt: 0,
  updatedBy: '',
  ...extra
})
