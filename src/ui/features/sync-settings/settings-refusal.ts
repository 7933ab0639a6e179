import type { z } from 'zod'
import type { MessageKey, Translate } from '../../../domain/i18n/catalogue'
import { translateKnown } from '../../../domain/i18n/known-text'

/** Which limit a too-big refusal is about, from where it sits in the settings. */
const limitKey = (path: readonly PropertyKey[]): MessageKey => {
  const [field, index, sub, subIndex] = path
  if (field === 'signallingUrls') return typeof index === 'number' ? 'sync.settings.error.addressLength' : 'sync.settings.error.signallingCount'
  if (field === 'relayUrls') return typeof index === 'number' ? 'sync.settings.error.addressLength' : 'sync.settings.error.relayCount'
  if (field === 'iceServers' && typeof index !== 'number') return 'sync.settings.error.iceCount'
  if (sub === 'urls') return typeof subIndex === 'number' ? 'sync.settings.error.addressLength' : 'sync.settings.error.iceAddressCount'
  return 'sync.settings.error.fieldLength'
}

/**
 * One refusal of the connection settings in the interface language. The schema's own words are
 * English (domain/sync-settings.ts); a limit is said again from its number, the rest by their
 * catalogue key.
 */
export const settingsRefusal = (issue: z.core.$ZodIssue, tr: Translate): string => {
  if (issue.code === 'too_big') return tr(limitKey(issue.path), { max: Number(issue.maximum) })
  return translateKnown(tr, issue.message)
}
