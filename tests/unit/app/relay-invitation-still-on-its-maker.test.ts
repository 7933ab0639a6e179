import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import { usePgliteRelay } from '../relay/support/use-pglite-relay'
import { startInvitedRelayDevice, startMemberRelayDevice, type InvitedRelayDevice } from './support/invited-relay-device'

/** Waits for a condition sync reaches in its own time (no timed assertion). */
const until = async (ok: () => boolean): Promise<void> => {
  while (!ok()) await new Promise((resolve) => setTimeout(resolve, 20))
}

/** How far the relay has confirmed a device's own entries. */
const ackedBy = (member: InvitedRelayDevice): number => member.device.stored?.relays[0]?.acked ?? 0

/** True once `reader` has been handed (applied or not) everything `writer` wrote. */
const handedAll = (reader: InvitedRelayDevice, writer: InvitedRelayDevice): boolean => {
  const clock = Y.getState(writer.device.doc.store, writer.device.doc.clientID)
  return (reader.device.transport.heldSummaries()[0]?.sv.get(writer.device.doc.clientID) ?? 0) >= clock
}

/** How Tom writes each of his changes: one relay entry each. */
type Write = (doc: Y.Doc, i: number) => void
/** Each change builds on the one before (typing on in one text). */
const typeOn: Write = (doc, i) => doc.getText('t').insert(doc.getText('t').length, `w${i} `)
/** Each change stands alone (a new key each time): every one of them waits on its own. */
const newKeys: Write = (doc, i) => doc.getMap('m').set(`k${String(i).padStart(2, '0')}`, i)
const CHANGES = 24
const readText = (doc: Y.Doc): string => doc.getText('t').toString()
const readKeys = (doc: Y.Doc): string => [...doc.getMap('m').keys()].sort().join(',')

/**
 * Ana invites Tom and goes offline before her invitation reaches the relay. Tom joins from the
 * link (which carries the invitation) and writes, one relay entry per change. Cai, a member
 * already, receives Tom's entries while they cite an invitation nobody else has. Each that
 * builds on the one before cannot be placed, and more independent ones wait than the trust gate
 * holds at once (16), so some are let go undecided. When Ana comes back and her invitation
 * arrives, Cai has all of Tom's work: none of it is passed over for good.
 */
describe('a new member’s changes while the invitation is still only on its maker’s device', () => {
  const relay = usePgliteRelay()

  const tomWritesWhileAnaIsAway = async (write: Write, read: (doc: Y.Doc) => string): Promise<void> => {
    const workspace = { id: makeWorkspaceId(), secret: makeWorkspaceSecret() }
    const url = relay.url
    const ana = await startMemberRelayDevice({ url, workspace, pending: { kind: 'found' }, memberId: 'ana' })
    await until(() => ana.trust.myRole() === 'owner' && ackedBy(ana) > 0)
    const cai = await startInvitedRelayDevice({ url, workspace, invite: await ana.trust.invite('editor'), memberId: 'cai' })
    await until(() => cai.trust.myRole() === 'editor' && ana.trust.membership.view().current().state.members.has('cai'))

    await ana.goOffline()
    const tomInvite = await ana.trust.invite('editor')
    const tom = await startInvitedRelayDevice({ url, workspace, invite: tomInvite, memberId: 'tom' })
    await until(() => tom.trust.myRole() === 'editor' && ackedBy(tom) > 0)
    for (let i = 0; i < CHANGES; i++) {
      const before = ackedBy(tom)
      write(tom.device.doc, i)
      await until(() => ackedBy(tom) > before)
    }
    const written = read(tom.device.doc)
    await until(() => handedAll(cai, tom))
    // Handed all, applied none: they cite Ana's invitation, which only her device holds.
    expect(read(cai.device.doc)).toBe('')
    expect(cai.trust.membership.view().log.has(tomInvite.invite)).toBe(false)

    ana.comeBack()
    await until(() => read(cai.device.doc) === written)
    await until(() => read(ana.device.doc) === written)
    await Promise.all([ana.destroy(), cai.destroy(), tom.destroy()])
  }

  it('reach a member who was online all along, each built on the one before, once the invitation arrives', async () => {
    await tomWritesWhileAnaIsAway(typeOn, readText)
  }, 300_000)

  it('reach that member too when more of them wait at once than the trust gate holds', async () => {
    await tomWritesWhileAnaIsAway(newKeys, readKeys)
  }, 300_000)
})
