import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { makeWorkspaceSecret } from '../../../../src/domain/ids'
import { RELAY_PROBLEMS } from '../../../../src/sync/relay/relay-problems'
import { makeStateAsks } from '../../../../src/sync/state-asks'
import { startDevice, startPgliteRelay, usePgliteCluster, type TestDevice, type TestRelay } from './support/relay-devices'

// A real relay over PGlite and real sockets on a shared machine: wait on conditions, never on time.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })
const until = { timeout: 90_000, interval: 20 }

const cluster = usePgliteCluster()
let relay: TestRelay | null = null
let devices: TestDevice[] = []
afterEach(async () => {
  for (const device of devices.splice(0)) await device.destroy()
  await relay?.close()
  relay = null
})
const start = async (limits: Parameters<typeof startPgliteRelay>[0] = {}): Promise<TestRelay> => (relay = await startPgliteRelay(limits, cluster()))
const device = (options: Parameters<typeof startDevice>[0]): TestDevice => {
  const started = startDevice(options)
  devices.push(started)
  return started
}
const text = (d: TestDevice): string => d.doc.getText('t').toString()
const stateOf = (d: TestDevice): string => d.transport.status().state

/** A device whose 30 paragraphs grew the log past the threshold, so that it compacted it into a snapshot. */
const compactedLab = async (): Promise<{ r: TestRelay; secret: ReturnType<typeof makeWorkspaceSecret>; a: TestDevice }> => {
  const r = await start()
  const secret = makeWorkspaceSecret()
  const a = device({ url: r.url, secret, timing: { compactMinBytes: 2048 } })
  for (let i = 0; i < 30; i++) {
    a.doc.getText('t').insert(0, `paragraph ${i} ${'x'.repeat(100)}\n`)
    await expect.poll(() => stateOf(a), until).toBe('synced')
  }
  await expect.poll(async () => Number((await r.db.query<{ c: number }>(`SELECT snapshot_covers AS c FROM "${r.schema}".relay_rooms`)).rows[0]?.c ?? 0), until).toBeGreaterThan(0)
  return { r, secret, a }
}

describe('the relay transport against the real relay', () => {
  it('hands work from one device to another that is never online at the same time', async () => {
    const { url } = await start()
    const secret = makeWorkspaceSecret()
    const a = device({ url, secret })
    a.doc.getText('t').insert(0, 'Notes from the site visit')
    await expect.poll(() => stateOf(a), until).toBe('synced')
    expect(a.transport.status().heldAt).not.toBeNull()
    await a.destroy()
    devices = devices.filter((d) => d !== a)

    const b = device({ url, secret })
    await expect.poll(() => text(b), until).toBe('Notes from the site visit')
    // Another workspace's device in the same relay sees nothing of it.
    const stranger = device({ url, secret: makeWorkspaceSecret() })
    await expect.poll(() => stateOf(stranger), until).toBe('synced')
    expect(text(stranger)).toBe('')
  })

  it('uploads a lab larger than the relay’s burst within its rates, on one connection, without being cut off', async () => {
    // A relay taking 256 KiB a second in bursts of 512 KiB, and 1.5 MiB to upload: sent all at
    // once it would be cut off (ERROR 4), reconnect and send it all again, for ever.
    const r = await start({ bytesPerSecond: 256 * 1024, byteBurst: 512 * 1024 })
    const hellos = { count: 0 }
    const roomState = r.store.roomState
    r.store.roomState = (room) => {
      hellos.count++
      return roomState(room)
    }
    const secret = makeWorkspaceSecret()
    const a = device({ url: r.url, secret })
    const random = new Uint8Array(768 * 1024)
    for (let i = 0; i < random.length; i += 65536) crypto.getRandomValues(random.subarray(i, i + 65536))
    a.doc.getText('t').insert(0, Buffer.from(random).toString('hex'))
    await expect.poll(() => stateOf(a), until).toBe('synced')
    expect(hellos.count).toBe(1)
    const b = device({ url: r.url, secret })
    await expect.poll(() => text(b).length, until).toBe(text(a).length)
  })

  it('resumes from its saved cursor after a reload, without fetching the log again', async () => {
    const { url } = await start()
    const secret = makeWorkspaceSecret()
    const a = device({ url, secret })
    a.doc.getText('t').insert(0, 'one')
    await expect.poll(() => stateOf(a), until).toBe('synced')
    const b = device({ url, secret })
    await expect.poll(() => text(b), until).toBe('one')
    await expect.poll(() => b.stored?.relays[0]?.after ?? 0, until).toBeGreaterThan(0)
    const stored = b.stored
    const saved = Y.encodeStateAsUpdate(b.doc)
    await b.destroy()
    devices = devices.filter((d) => d !== b)
    a.doc.getText('t').insert(3, ' two')
    await expect.poll(() => stateOf(a), until).toBe('synced')

    // The reloaded device starts from its stored copy and cursor.
    const reloaded = new Y.Doc({ gc: false })
    Y.applyUpdate(reloaded, saved)
    let applied = 0
    reloaded.on('update', () => applied++)
    const again = device({ url, secret, doc: reloaded, stored })
    await expect.poll(() => text(again), until).toBe('one two')
    await expect.poll(() => stateOf(again), until).toBe('synced')
    // Only the new entry arrived (the old one was not applied again).
    expect(applied).toBe(1)
  })

  it('catches a fresh device up from a snapshot and the entries after it', async () => {
    const { r, secret, a } = await compactedLab()
    a.doc.getMap('m').set('after', 'the snapshot')
    await expect.poll(() => stateOf(a), until).toBe('synced')
    const b = device({ url: r.url, secret })
    await expect.poll(() => text(b) === text(a) && b.doc.getMap('m').get('after') === 'the snapshot', until).toBe(true)
  })

  it('holds this device’s asks to its WebRTC peers while a large backlog arrives, and lets them go once it is in', async () => {
    const { r, secret, a } = await compactedLab()
    // A fresh device meets a colleague over WebRTC while the relay sends it the lab.
    const asks = makeStateAsks()
    const events: string[] = []
    const b = device({
      url: r.url,
      secret,
      backlogOnItsWay: (source) => {
        const release = asks.awaiting(source)
        events.push(`waiting for ${source.startsWith('relay ') ? 'the relay' : source}`)
        // y-webrtc's ask as the colleague's connection opens: it waits, and goes out afresh.
        expect(asks.ask('colleague', () => events.push(`asked the colleague, holding ${text(b).length} characters`))).toBe(false)
        return () => {
          events.push('backlog in')
          release()
        }
      }
    })
    await expect.poll(() => text(b) === text(a), until).toBe(true)
    await expect.poll(() => events.length, until).toBe(3)
    expect(events).toEqual(['waiting for the relay', 'backlog in', `asked the colleague, holding ${text(a).length} characters`])
    asks.stop()
  })

  it('refuses an entry altered in the relay’s database, applies nothing of it, and goes on with the rest', async () => {
    const r = await start()
    const secret = makeWorkspaceSecret()
    const a = device({ url: r.url, secret })
    a.doc.getMap('m').set('first', 'kept')
    await expect.poll(() => stateOf(a), until).toBe('synced')
    a.doc.getMap('m').set('second', 'altered on the relay')
    await expect.poll(() => stateOf(a), until).toBe('synced')
    const c = device({ url: r.url, secret })
    await expect.poll(() => stateOf(c), until).toBe('synced')
    c.doc.getMap('m').set('third', 'from another device')
    await expect.poll(() => stateOf(c), until).toBe('synced')
    await a.destroy()
    await c.destroy()
    devices = []
    await r.db.query(`UPDATE "${r.schema}".relay_entries SET body = set_byte(body, 20, get_byte(body, 20) # 1) WHERE seq = 2`)

    const b = device({ url: r.url, secret })
    await expect.poll(() => b.transport.status().state, until).toBe('refused')
    expect(b.transport.status().problem).toMatch(/The relay sent a change that was altered/)
    await expect.poll(() => b.doc.getMap('m').get('third'), until).toBe('from another device')
    expect(b.doc.getMap('m').get('first')).toBe('kept')
    expect(b.doc.getMap('m').get('second')).toBeUndefined()
  })

  it('sends again what the relay had not acknowledged when it restarts', async () => {
    const r = await start()
    const secret = makeWorkspaceSecret()
    const a = device({ url: r.url, secret })
    a.doc.getText('t').insert(0, 'before')
    await expect.poll(() => stateOf(a), until).toBe('synced')
    await r.stop()
    a.doc.getText('t').insert(6, ' while the relay was down')
    await expect.poll(() => stateOf(a), until).not.toBe('synced')
    await expect.poll(() => stateOf(a), until).toBe('unreachable')
    expect(a.transport.status().since).not.toBeNull()
    await r.restart()
    await expect.poll(() => stateOf(a), until).toBe('synced')
    const b = device({ url: r.url, secret })
    await expect.poll(() => text(b), until).toBe('before while the relay was down')
  })

  it('uploads what the relay lacks as soon as the device has counted its state, even when that comes after catching up', async () => {
    const { url } = await start()
    const secret = makeWorkspaceSecret()
    // A device opening with work of its own, whose state is counted only once its page is idle:
    // later than the relay has caught it up.
    const doc = new Y.Doc({ gc: false })
    doc.getText('t').insert(0, 'Written offline')
    let count: (() => void) | null = null
    const a = device({ url, secret, doc, countSummary: (task) => (count = task), timing: { reconcileMs: 10 * 60_000 } })
    // Caught up and live, with nothing known to send yet.
    await expect.poll(() => stateOf(a), until).toBe('sending')
    ;(count as unknown as () => void)()
    // The upload follows the count, not the next periodic look (ten minutes away).
    await expect.poll(() => stateOf(a), until).toBe('synced')
    const b = device({ url, secret })
    await expect.poll(() => text(b), until).toBe('Written offline')
  })

  it('sends everything again to a relay that lost its data (its head is below the saved cursor)', async () => {
    const first = await start()
    const secret = makeWorkspaceSecret()
    const a = device({ url: first.url, secret })
    a.doc.getText('t').insert(0, 'precious')
    await expect.poll(() => stateOf(a), until).toBe('synced')
    await a.destroy()
    devices = []
    // The same address, an empty database: a relay restored from nothing.
    await first.stop()
    await first.db.query(`DELETE FROM "${first.schema}".relay_rooms`)
    await first.restart()
    const reopened = device({ url: first.url, secret, doc: a.doc, stored: a.stored })
    await expect.poll(() => stateOf(reopened), until).toBe('synced')
    const b = device({ url: first.url, secret })
    await expect.poll(() => text(b), until).toBe('precious')
  })

  it('keeps every change when one device compacts while another appends', async () => {
    const r = await start()
    const secret = makeWorkspaceSecret()
    const a = device({ url: r.url, secret, timing: { compactMinBytes: 1024, compactDelayMs: [0, 5] } })
    const b = device({ url: r.url, secret, timing: { compactMinBytes: 1 << 30 } })
    for (let i = 0; i < 40; i++) {
      b.doc.getMap('b').set(`k${i}`, 'y'.repeat(80))
      if (i % 4 === 0) a.doc.getMap('a').set(`k${i}`, 'z'.repeat(200))
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await expect.poll(() => [stateOf(a), stateOf(b)], until).toEqual(['synced', 'synced'])
    await expect.poll(async () => Number((await r.db.query<{ c: number }>(`SELECT snapshot_covers AS c FROM "${r.schema}".relay_rooms`)).rows[0]?.c ?? 0), until).toBeGreaterThan(0)
    const fresh = device({ url: r.url, secret })
    await expect.poll(() => [fresh.doc.getMap('a').size, fresh.doc.getMap('b').size], until).toEqual([10, 40])
  })

  it('says the relay is full, with what to do, when the room is over its quota (not "unavailable")', async () => {
    // A room of 4 KB: a few sealed entries fit, a page of notes does not.
    const { url } = await start({ maxRoomBytes: 4_000 })
    const a = device({ url, secret: makeWorkspaceSecret() })
    a.doc.getText('t').insert(0, 'Site visit, Grangetown food bank. '.repeat(300))
    await expect.poll(() => stateOf(a), until).toBe('full')
    expect(a.transport.status().problem).toBe(RELAY_PROBLEMS.full)
  })
})
