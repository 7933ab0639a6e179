import type { CheckpointListItem } from '../../../app/local-history'
import type { RestoreDeletedResult } from '../../../crdt/checkpoints'
import type { CheckpointHolds, DeletionBurst } from '../../../domain/checkpoint'
import type { Translate } from '../../../domain/i18n/catalogue'
import { translateKnown } from '../../../domain/i18n/known-text'
import type { Locale } from '../../../domain/i18n/locale'
import { formatBytes } from '../../../domain/storage-health'

/*
 * The recovery panel's sentences, built from counts in the chosen language: plurals through
 * the catalogue's ICU messages (Welsh has six forms), so "2 items" and "2 eitem" each come out
 * right. Pure, given a translator, so each language can be tested without a page.
 */

/** Two counts in a sentence, "3 items and 2 versions", or the one that is not empty. */
const both = (tr: Translate, first: string, second: string): string =>
  first && second ? tr('recovery.both', { first, second }) : first || second

/** "3 items and 2 versions", naming only what there was. */
export const describeDeleted = (tr: Translate, burst: Pick<DeletionBurst, 'artifactsRemoved' | 'versionsRemoved'>): string => {
  const items = burst.artifactsRemoved > 0 ? tr('recovery.count.items', { count: burst.artifactsRemoved }) : ''
  const versions = burst.versionsRemoved > 0 ? tr('recovery.count.versions', { count: burst.versionsRemoved }) : ''
  return both(tr, items, versions)
}

/** What a checkpoint held: "12 items, 2 in the bin, 4 versions". */
export const describeHolds = (tr: Translate, h: CheckpointHolds): string =>
  [
    tr('recovery.count.items', { count: h.artifacts }),
    h.binned > 0 ? tr('recovery.count.binned', { count: h.binned }) : '',
    tr('recovery.count.versions', { count: h.versions })
  ]
    .filter(Boolean)
    .join(', ')

/**
 * A checkpoint's own line. One taken before deletions is described from its run, not from the
 * English words stored with it; a version's copy keeps the version's name as it was written.
 */
export const checkpointLabel = (tr: Translate, c: Pick<CheckpointListItem, 'label' | 'burst' | 'reason'>): string | null => {
  if (c.reason === 'before-deletions' && c.burst) {
    const values = { what: describeDeleted(tr, c.burst), count: c.burst.artifactsRemoved + c.burst.versionsRemoved }
    return c.burst.by ? tr('recovery.label.beforeDeletionsBy', { ...values, name: c.burst.by }) : tr('recovery.label.beforeDeletions', values)
  }
  if (c.label === null) return null
  return c.reason === 'version' ? c.label : translateKnown(tr, c.label)
}

/** The warning's title: "3 items and 2 versions deleted in a few minutes by Asha Patel". */
export const deletionFlagTitle = (tr: Translate, burst: DeletionBurst): string => {
  const what = describeDeleted(tr, burst)
  return burst.by ? tr('recovery.flag.titleBy', { what, name: burst.by }) : tr('recovery.flag.title', { what })
}

type Kept = Pick<CheckpointListItem, 'bytes' | 'reason'>

const versionCopies = (kept: readonly Kept[]): number => kept.filter((c) => c.reason === 'version').length

/**
 * What this device keeps and its size, the size in the same language ("800 beit"): "17
 * checkpoints and 115 copies of versions, 3 MB". The list holds both kinds, each row tagged with
 * its kind; counting them all as "checkpoints" read as a number other than the rows listed.
 */
export const describeKept = (tr: Translate, l: Locale, kept: readonly Kept[]): string => {
  const copies = versionCopies(kept)
  const checkpoints = kept.length - copies
  const what = both(
    tr,
    checkpoints > 0 || copies === 0 ? tr('recovery.count.checkpoints', { count: checkpoints }) : '',
    copies > 0 ? tr('recovery.count.versionCopies', { count: copies }) : ''
  )
  return tr('recovery.kept', { what, size: formatBytes(kept.reduce((sum, c) => sum + c.bytes, 0), l) })
}

/** "Show all 132 checkpoints and copies of versions", or, showing all, the few most recent. */
export const describeListToggle = (tr: Translate, kept: readonly Kept[], recent: number): { more: string; fewer: string } => {
  const copies = versionCopies(kept) > 0 ? 'yes' : 'no'
  return {
    more: tr('recovery.showAll', { count: kept.length, copies }),
    fewer: tr('recovery.showRecent', { count: recent, copies })
  }
}

/** What a restore did, or why it did nothing. */
export const describeRestore = (tr: Translate, r: RestoreDeletedResult): string => {
  if (!r.ok) return tr('recovery.result.failed', { reason: translateKnown(tr, r.message) })
  const parts = [
    r.artifacts > 0 ? tr('recovery.result.items', { count: r.artifacts }) : '',
    r.unbinned > 0 ? tr('recovery.result.unbinned', { count: r.unbinned }) : '',
    r.texts > 0 ? tr('recovery.result.texts', { count: r.texts }) : '',
    r.versions > 0 ? tr('recovery.count.versions', { count: r.versions }) : ''
  ].filter(Boolean)
  if (parts.length === 0) return tr('recovery.result.nothing')
  return tr('recovery.result.broughtBack', { parts: parts.join(', ') })
}
