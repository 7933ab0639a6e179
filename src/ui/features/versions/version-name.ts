import { AUTOMATIC_NAME_PREFIX, type VersionKind, type VersionSummary } from '../../../domain/version'
import { checkpointTimeOf } from '../../../domain/checkpoint-restore-name'
import { readRestoreDetail, type RestoredVersionName } from '../../../domain/restore-version-detail'
import { formatDate } from '../../i18n/intl-format'
import { t } from '../../i18n/t'

/** What a stored automatic name holds after its English prefix, or null if it was written otherwise. */
const detailOf = (name: string, prefix: string): string | null => (name.startsWith(prefix) ? name.slice(prefix.length) : null)

/** The kind of automatic version a stored name was written for, by its English start; 'named' for any other. */
const kindNamed = (name: string): VersionKind =>
  (Object.keys(AUTOMATIC_NAME_PREFIX) as (keyof typeof AUTOMATIC_NAME_PREFIX)[]).find((kind) => name.startsWith(AUTOMATIC_NAME_PREFIX[kind])) ?? 'named'

/**
 * The version a restore went back to, as shown: a day's automatic version, or one saved before
 * an earlier restore or import (restoring an undo), named in the current language.
 */
const restoredName = (to: RestoredVersionName): string =>
  'startOfDay' in to ? t('versionName.startOf', { day: formatDate(to.startOfDay, 'long') }) : versionName({ name: to.name, kind: kindNamed(to.name), createdAt: 0 })

/**
 * A version's name as shown: a person's name for it as they wrote it; an automatic version's
 * built now from its kind and time, in the current language ("Start of 5 June 2026",
 * "Dechrau 5 Mehefin 2026"), whatever language it was stored in. The detail of a restore or
 * import (which version, which file) is kept as it was stored.
 */
export const versionName = (version: Pick<VersionSummary, 'name' | 'kind' | 'createdAt'>): string => {
  switch (version.kind) {
    case 'named':
      return version.name
    case 'first-edit-of-day':
      return t('versionName.startOf', { day: formatDate(version.createdAt, 'long') })
    case 'before-restore': {
      const detail = detailOf(version.name, AUTOMATIC_NAME_PREFIX['before-restore'])
      if (detail === null) return version.name
      if (detail === 'an earlier version') return t('versionName.beforeRestoringEarlier')
      const checkpointAt = checkpointTimeOf(detail)
      if (checkpointAt !== null) return t('versionName.beforeRestoringCheckpoint', { time: formatDate(checkpointAt, 'medium-time') })
      const restore = readRestoreDetail(detail)
      if (restore?.restored === 'item') return t('versionName.beforeRestoringItem', { title: restore.title, version: restoredName(restore.to) })
      if (restore?.restored === 'details') return t('versionName.beforeRestoringDetails', { version: restoredName(restore.to) })
      return t('versionName.beforeRestoring', { detail })
    }
    case 'before-import': {
      const detail = detailOf(version.name, AUTOMATIC_NAME_PREFIX['before-import'])
      if (detail === null) return version.name
      if (detail === 'a file') return t('versionName.beforeImportingFile')
      // changes-exchange.ts names the version before a changes file is merged this way.
      if (detail === 'a changes file') return t('versionName.beforeImportingChangesFile')
      return t('versionName.beforeImporting', { detail })
    }
  }
}
