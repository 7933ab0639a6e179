import { describe, expect, it } from 'vitest'
import { RegistryEntrySchema } from '../../../src/domain/registry-entry'
import {
  DEFAULT_SYNC_SETTINGS,
  MAX_RELAY_URLS,
  SyncSettingsSchema,
  appRelayUrl,
  effectiveRelayUrls
} from '../../../src/domain/sync-settings'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'

describe('relay settings', () => {
  it('find the app’s own relay next to the page, beside its signalling server', () => {
    expect(appRelayUrl('http://127.0.0.1:4173/')).toBe('ws://127.0.0.1:4173/relay')
    expect(appRelayUrl('https://lab.example/app/index.html#/w/abc')).toBe('wss://lab.example/app/relay')
    expect(appRelayUrl('file:///home/me/mutual/index.html')).toBeNull()
  })

  it('use the app’s relay by default, then further relays, once each; none when peer-to-peer only', () => {
    const app = 'ws://127.0.0.1:4173/relay'
    expect(effectiveRelayUrls(DEFAULT_SYNC_SETTINGS, app)).toEqual([app])
    const more = { ...DEFAULT_SYNC_SETTINGS, relayUrls: ['wss://relay.lead-council.example', app] }
    expect(effectiveRelayUrls(more, app)).toEqual([app, 'wss://relay.lead-council.example'])
    expect(effectiveRelayUrls({ ...more, useAppRelay: false }, app)).toEqual(['wss://relay.lead-council.example', app])
    expect(effectiveRelayUrls({ ...more, peerToPeerOnly: true }, app)).toEqual([])
    expect(effectiveRelayUrls(DEFAULT_SYNC_SETTINGS, null)).toEqual([])
  })

  it('read settings stored by the release before relays, with the relay on', () => {
    const old = { useAppServer: false, signallingUrls: ['wss://signal.lab.example'], iceServers: [] }
    const parsed = SyncSettingsSchema.parse(old)
    expect(parsed).toEqual({ ...old, peerToPeerOnly: false, useAppRelay: true, relayUrls: [] })
    const now = 1_700_000_000_000
    const entry = RegistryEntrySchema.parse({
      id: makeWorkspaceId(),
      secret: makeWorkspaceSecret(),
      name: 'Lab',
      createdAt: now,
      lastOpenedAt: now,
      lastEditedAt: now,
      sync: old
    })
    expect(effectiveRelayUrls(entry.sync ?? DEFAULT_SYNC_SETTINGS, 'ws://127.0.0.1:4173/relay')).toEqual(['ws://127.0.0.1:4173/relay'])
  })

  it('refuse relay addresses that are not ws(s), carry a login, are too long or too many, saying what to do', () => {
    const bad = (relayUrls: string[]): string[] => {
      const result = SyncSettingsSchema.safeParse({ ...DEFAULT_SYNC_SETTINGS, relayUrls })
      return result.success ? [] : result.error.issues.map((i) => i.message)
    }
    expect(bad(['https://relay.example'])[0]).toMatch(/relay address starting with wss:\/\//)
    expect(bad(['wss://user:pw@relay.example'])[0]).toMatch(/relay address/)
    expect(bad([`wss://relay.example/${'x'.repeat(300)}`])[0]).toMatch(/300 characters or fewer/)
    expect(bad(Array.from({ length: MAX_RELAY_URLS + 1 }, (_, i) => `wss://r${i}.example`))[0]).toMatch(/at most 5 relays/)
    expect(bad(['wss://relay.example', ' ws://127.0.0.1:4173/relay '])).toEqual([])
  })
})
