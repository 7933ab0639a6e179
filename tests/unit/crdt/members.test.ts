import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { makeWorkspaceDoc, membersMap } from '../../../src/crdt/workspace-doc'
import { LAST_SEEN_RESOLUTION_MS, readMembers, recordMember } from '../../../src/crdt/members'
import { MEMBERSHIP } from '../../../src/crdt/origins'
import { copyOf, exchange } from '../fixtures/workspace'

const ashaId = 'a'.repeat(32)
const benId = 'b'.repeat(32)
const asha = { name: 'Asha Patel', organisation: 'Oldham Council', colour: '#1d4ed8' as const }
const ben = { name: 'Ben Okafor', organisation: 'Preston City Council', colour: '#047857' as const }

describe('members', () => {
  it('records a person the first time they open a workspace', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    recordMember(doc, ashaId, asha, 1000)
    expect(readMembers(doc)).toEqual([{ id: ashaId, ...asha, firstSeenAt: 1000, lastSeenAt: 1000 }])
  })

  it('keeps when they were first seen and refreshes the rest', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    recordMember(doc, ashaId, asha, 1000)
    recordMember(doc, ashaId, { ...asha, name: 'Asha P.', colour: '#b91c1c' }, 5000)
    expect(readMembers(doc)).toEqual([
      { id: ashaId, name: 'Asha P.', organisation: 'Oldham Council', colour: '#b91c1c', firstSeenAt: 1000, lastSeenAt: 5000 }
    ])
  })

  it('lists everyone by name and skips entries in a shape it does not know', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    recordMember(doc, benId, ben, 1000)
    recordMember(doc, ashaId, asha, 2000)
    doc.transact(() => membersMap(doc).set('c'.repeat(32), { name: 'No organisation' }))
    expect(readMembers(doc).map((m) => m.name)).toEqual(['Asha Patel', 'Ben Okafor'])
  })

  it('merges people recorded on two devices', () => {
    const a = makeWorkspaceDoc(makeWorkspaceId())
    const b = copyOf(a)
    recordMember(a, ashaId, asha, 1000)
    recordMember(b, benId, ben, 1001)
    exchange(a, b)
    expect(readMembers(a)).toEqual(readMembers(b))
    expect(readMembers(a)).toHaveLength(2)
  })

  it('writes with its own origin, since opening a workspace is not editing it', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    recordMember(doc, ashaId, asha, 1000)
    expect(origins).toEqual([MEMBERSHIP])
  })

  it('writes nothing when the entry is current, and refreshes "last seen" only now and then', () => {
    const doc = makeWorkspaceDoc(makeWorkspaceId())
    recordMember(doc, ashaId, asha, 1000)
    let updates = 0
    doc.on('update', () => {
      updates += 1
    })
    recordMember(doc, ashaId, asha, 1000 + LAST_SEEN_RESOLUTION_MS - 1)
    expect(updates).toBe(0)
    expect(readMembers(doc)[0]?.lastSeenAt).toBe(1000)
    recordMember(doc, ashaId, asha, 1000 + LAST_SEEN_RESOLUTION_MS)
    expect(updates).toBe(1)
    expect(readMembers(doc)[0]?.lastSeenAt).toBe(1000 + LAST_SEEN_RESOLUTION_MS)
  })
})
