import { z } from 'zod'
import { syncEn } from './i18n/areas/sync.en'

/**
 * How this device reaches the other members of one workspace. Kept per workspace on this
 * device: a council network may need its own TURN relay, and credentials never travel in
 * invitations. Nothing outside the app's own host is contacted unless a person adds it here.
 */

export const MAX_SIGNALLING_URLS = 5
export const MAX_RELAY_URLS = 5
export const MAX_ICE_SERVERS = 8
const MAX_URL_LENGTH = 300

/** A WebSocket server: ws:// or wss://, with a host, and nothing that could leak (no login, no fragment). */
const webSocketAddressSchema = (refusal: string) =>
  z
    .string()
    .trim()
    .max(MAX_URL_LENGTH, `Use an address of ${MAX_URL_LENGTH} characters or fewer`)
    .refine((value) => {
      try {
        const url = new URL(value)
        return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== '' && !url.username && !url.password && !url.hash
      } catch {
        return false
      }
    }, refusal)

/** A y-webrtc signalling server. */
export const SignallingUrlSchema = webSocketAddressSchema(syncEn['sync.settings.error.signallingAddress'])

/** A relay that keeps the workspace's encrypted changes for members who are not online together. */
export const RelayUrlSchema = webSocketAddressSchema(syncEn['sync.settings.error.relayAddress'])

const ICE_URL = /^(stun|stuns|turn|turns):[^\s]+$/

export const IceUrlSchema = z
  .string()
  .trim()
  .max(MAX_URL_LENGTH, `Use an address of ${MAX_URL_LENGTH} characters or fewer`)
  .regex(ICE_URL, syncEn['sync.settings.error.iceAddress'])

/** One STUN or TURN server, in the shape RTCPeerConnection takes. TURN needs credentials. */
export const IceServerSchema = z
  .object({
    urls: z.array(IceUrlSchema).min(1, syncEn['sync.settings.error.iceNone']).max(4, 'Use at most 4 addresses per server'),
    username: z.string().max(200, 'Use 200 characters or fewer').optional(),
    credential: z.string().max(200, 'Use 200 characters or fewer').optional()
  })
  .refine(
    (server) => !server.urls.some((url) => url.startsWith('turn')) || (Boolean(server.username) && Boolean(server.credential)),
    { message: syncEn['sync.settings.error.turnLogin'], path: ['username'] }
  )
export type IceServer = z.infer<typeof IceServerSchema>

export const SyncSettingsSchema = z.object({
  /** Use the signalling server of the host the app was loaded from (what `npm start` runs). */
  useAppServer: z.boolean(),
  /** Further signalling servers, e.g. the one the lead council runs. */
  signallingUrls: z.array(SignallingUrlSchema).max(MAX_SIGNALLING_URLS, `Use at most ${MAX_SIGNALLING_URLS} signalling servers`),
  /** STUN/TURN servers. Empty by default: no public STUN server is ever contacted unasked. */
  iceServers: z.array(IceServerSchema).max(MAX_ICE_SERVERS, `Use at most ${MAX_ICE_SERVERS} STUN or TURN servers`),
  /*
   * The relay fields arrived after the first release: settings stored before them parse with
   * the relay on, like a new workspace's.
   */
  /** Peer-to-peer only: no relay at all, so work reaches others only while both are online. */
  peerToPeerOnly: z.boolean().default(false),
  /** Use the relay next to the app (what `npm start` runs), like `useAppServer` for signalling. */
  useAppRelay: z.boolean().default(true),
  /** Further relays, e.g. the one the lead council runs. */
  relayUrls: z.array(RelayUrlSchema).max(MAX_RELAY_URLS, `Use at most ${MAX_RELAY_URLS} relays`).default([])
})
export type SyncSettings = z.infer<typeof SyncSettingsSchema>

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  useAppServer: true,
  signallingUrls: [],
  iceServers: [],
  peerToPeerOnly: false,
  useAppRelay: true,
  relayUrls: []
}

/** The servers to use, in order, without repeats; the app's own first when it is wanted. */
export const effectiveSignallingUrls = (settings: SyncSettings, appServerUrl: string | null): string[] => {
  const all = [...(settings.useAppServer && appServerUrl ? [appServerUrl] : []), ...settings.signallingUrls]
  return [...new Set(all)]
}

/** The relays to use, in order, without repeats; none at all when the workspace is peer-to-peer only. */
export const effectiveRelayUrls = (settings: SyncSettings, appRelayUrl: string | null): string[] => {
  if (settings.peerToPeerOnly) return []
  const all = [...(settings.useAppRelay && appRelayUrl ? [appRelayUrl] : []), ...settings.relayUrls]
  return [...new Set(all)]
}

/**
 * The app's own signalling endpoint, next to the page: http://host/app/ → ws://host/app/signal.
 * Null where there is no web origin (a file:// page).
 */
export const appSignallingUrl = (pageUrl: string): string | null => appEndpointUrl(pageUrl, 'signal')

/** The app's own relay, next to the page: http://host/app/ → ws://host/app/relay. */
export const appRelayUrl = (pageUrl: string): string | null => appEndpointUrl(pageUrl, 'relay')

const appEndpointUrl = (pageUrl: string, path: 'signal' | 'relay'): string | null => {
  try {
    const url = new URL(path, pageUrl)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
    url.hash = ''
    url.search = ''
    return url.toString()
  } catch {
    return null
  }
}
