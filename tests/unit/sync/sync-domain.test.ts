import { describe, expect, it } from 'vitest'
import { readPeopleHere } from '../../../src/domain/presence'
import { DEFAULT_SYNC_SETTINGS, SyncSettingsSchema, appSignallingUrl, effectiveSignallingUrls } from '../../../src/domain/sync-settings'
import { describeConnection, describeUnseenChanges, INITIAL_SYNC_STATUS } from '../../../src/domain/sync-status'
import { detailsEdit } from '../../../src/domain/workspace-details-edit'

const member = (n: number): string => n.toString(16).padStart(32, '0')

import { makeTranslator } from '../../../src/ui/i18n/make-translator'

const en = makeTranslator('en')
describe('sync settings', () => {
  it('contact nothing but the app’s own server by default', () => {
    expect(DEFAULT_SYNC_SETTINGS.iceServers).toEqual([])
    expect(effectiveSignallingUrls(DEFAULT_SYNC_SETTINGS, 'ws://127.0.0.1:4173/signal')).toEqual(['ws://127.0.0.1:4173/signal'])
    expect(effectiveSignallingUrls({ ...DEFAULT_SYNC_SETTINGS, useAppServer: false }, 'ws://127.0.0.1:4173/signal')).toEqual([])
  })

  it('find the app’s own signalling server next to the page', () => {
    expect(appSignallingUrl('http://127.0.0.1:4173/#/w/abc')).toBe('ws://127.0.0.1:4173/signal')
    expect(appSignallingUrl('https://127.0.0.1/mutual/index.html?x=1')).toBe('wss://127.0.0.1/mutual/signal')
    expect(appSignallingUrl('file:///home/me/mutual/index.html')).toBeNull()
  })

  it('accept ws(s) signalling servers and STUN/TURN servers, with credentials for TURN', () => {
    const ok = SyncSettingsSchema.safeParse({
      useAppServer: true,
      signallingUrls: [' wss://signal.lab.example ', 'ws://127.0.0.1:4444'],
      iceServers: [
        { urls: ['stun:127.0.0.1:3478'] },
        { urls: ['turn:127.0.0.1:3478?transport=tcp', 'turns:127.0.0.1:5349'], username: 'lab', credential: 's3cret' }
      ]
    })
    expect(ok.success).toBe(true)
    expect(ok.data?.signallingUrls[0]).toBe('wss://signal.lab.example')
  })

  it('refuse other schemes, credentials in addresses and TURN without credentials, with messages a person can act on', () => {
    const refuse = (settings: unknown): string[] => {
      const parsed = SyncSettingsSchema.safeParse(settings)
      return parsed.success ? [] : parsed.error.issues.map((i) => i.message)
    }
    expect(refuse({ ...DEFAULT_SYNC_SETTINGS, signallingUrls: ['https://signal.lab.example'] })[0]).toMatch(/wss:\/\//)
    expect(refuse({ ...DEFAULT_SYNC_SETTINGS, signallingUrls: ['wss://user:pw@signal.lab.example'] })).toHaveLength(1)
    expect(refuse({ ...DEFAULT_SYNC_SETTINGS, signallingUrls: ['not a url'] })).toHaveLength(1)
    expect(refuse({ ...DEFAULT_SYNC_SETTINGS, iceServers: [{ urls: ['http://127.0.0.1'] }] })[0]).toMatch(/STUN or TURN/)
    expect(refuse({ ...DEFAULT_SYNC_SETTINGS, iceServers: [{ urls: ['turn:127.0.0.1'] }] })).toEqual(['A TURN server needs a username and a password'])
    expect(refuse({ ...DEFAULT_SYNC_SETTINGS, iceServers: [{ urls: [] }] })).toEqual(['Enter at least one STUN or TURN address'])
  })
})

describe('presence', () => {
  it('lists everyone else once, with their views, and drops what does not parse', () => {
    const states: [number, unknown][] = [
      [1, { user: { name: 'Me', color: '#1d4ed8', organisation: 'Oldham Council', memberId: member(1) } }],
      [2, { user: { name: 'Tom', color: '#b91c1c', organisation: 'Kirklees Council', memberId: member(2) }, view: { artifactId: null } }],
      [3, { user: { name: 'Tom', color: '#b91c1c', organisation: 'Kirklees Council', memberId: member(2) }, view: { artifactId: member(9) } }],
      [4, { user: { name: 'Ana', color: 'url(javascript:1)', organisation: 'Lambeth Council', memberId: member(3) } }],
      [5, { user: { name: '', color: '#b91c1c', organisation: 'X', memberId: member(4) } }],
      [6, 'garbage'],
      [7, null]
    ]
    const people = readPeopleHere(states, member(1))
    expect(people.map((p) => [p.name, p.viewing, p.colour])).toEqual([
      ['Ana', [null], '#374151'],
      ['Tom', [null, member(9)], '#b91c1c']
    ])
  })
})

describe('sync status wording', () => {
  it('says offline, connecting, waiting, connected and unreachable plainly', () => {
    expect(describeConnection({ ...INITIAL_SYNC_STATUS, signalling: 'offline' }, en).label).toBe('Offline')
    expect(describeConnection(INITIAL_SYNC_STATUS, en).label).toBe('Connecting…')
    expect(describeConnection({ ...INITIAL_SYNC_STATUS, signalling: 'online' }, en).label).toBe('Online · nobody else here')
    expect(describeConnection({ ...INITIAL_SYNC_STATUS, signalling: 'online', peers: 1 }, en).label).toBe('Connected to 1 peer')
    expect(describeConnection({ ...INITIAL_SYNC_STATUS, signalling: 'online', peers: 3 }, en).label).toBe('Connected to 3 peers')
    expect(describeConnection({ ...INITIAL_SYNC_STATUS, signalling: 'unreachable' }, en).tone).toBe('warning')
    expect(describeUnseenChanges({ ...INITIAL_SYNC_STATUS, unseenChanges: 'yes' }, en)).toMatch(/no other device has seen/)
    expect(describeUnseenChanges(INITIAL_SYNC_STATUS, en)).toBeNull()
  })

  it('says the same in Welsh, with Welsh plurals, from the same status', () => {
    const cy = makeTranslator('cy')
    expect(describeConnection({ ...INITIAL_SYNC_STATUS, signalling: 'offline' }, cy).label).toBe('All-lein')
    expect(describeConnection({ ...INITIAL_SYNC_STATUS, signalling: 'online', peers: 2 }, cy).label).toBe('Wedi cysylltu â 2 gymar')
    expect(describeConnection({ ...INITIAL_SYNC_STATUS, signalling: 'online', peers: 3 }, cy).label).toBe('Wedi cysylltu â 3 chymar')
  })
})

describe('editing details while others edit', () => {
  const base = { name: 'Lab', description: '', leadCouncil: 'Oldham Council', partnerCouncils: ['Leeds City Council'], startDate: '' }

  it('applies only the fields this person changed', () => {
    const current = { ...base, leadCouncil: 'Kirklees Council', description: 'Set by a colleague' }
    expect(detailsEdit(base, { ...base, startDate: '2026-04-01' }, current)).toEqual({ startDate: '2026-04-01' })
  })

  it('merges added and removed partner councils into the current list', () => {
    const current = { ...base, partnerCouncils: ['Leeds City Council', 'Wigan Council'] }
    const mine = { ...base, partnerCouncils: ['Bristol City Council'] }
    expect(detailsEdit(base, mine, current)).toEqual({ partnerCouncils: ['Wigan Council', 'Bristol City Council'] })
  })
})
